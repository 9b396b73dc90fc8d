package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.titlecert.api.Role;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Session;

/**
 * Who may see which page, and the CSRF token for every form. Admin pages need an admin session;
 * personal pages an individual session, and until the registration form is complete an individual
 * sees nothing but that form. The token is the session's, or before login a per-browser token in a cookie
 * (double submit); {@link PageServlet} checks it on every POST, where multipart forms are parsed too, so that
 * it never has to travel in a URL.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=100")
@HttpWhiteboardFilterName("titlecert-auth")
@HttpWhiteboardFilterPattern("/*")
public class WebAuthFilter implements Filter {

    static final String CSRF_COOKIE = "TCCSRF";
    static final String CSRF_PARAM = "_csrf";
    /** Where an individual agrees to the 个人信息保护告知书, before anything else. */
    static final String CONSENT_PAGE = "/privacy/consent";

    @Reference
    private IdentityService identity;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!CanonicalPath.is(req.getRequestURI())) {
            // one resource, one spelling: encoded letters, dot segments, ";" parameters and "//" are refused
            resp.sendError(400);
            return;
        }
        String path = Pages.path(req);
        if (path.startsWith("/api/") || path.startsWith("/static/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Session> session = sessionToken(req).flatMap(t -> identity.session(t, req.getRemoteAddr()));
        session.ifPresent(s -> Pages.setSession(req, s));
        String csrf = session.map(Session::csrfToken).orElseGet(() -> browserToken(req, resp));
        req.setAttribute(Pages.CSRF, csrf);

        Access access = Access.of(path);
        Role role = session.map(s -> s.caller().role()).orElse(null);
        if (!access.allows(role)) {
            access.refuse(resp, role, path);
            return;
        }
        if (session.isPresent() && session.get().privacyConsentRequired() && access != Access.PUBLIC
                && !path.equals(CONSENT_PAGE)) {
            resp.sendRedirect(CONSENT_PAGE + "?next=" + java.net.URLEncoder.encode(path,
                    java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        String passwordPage = role == Role.INDIVIDUAL ? "/me/password"
                : role == Role.VERIFIER ? "/verifier/password" : "/admin/password";
        // in this order: the privacy notice, a one-time password, the registration form; each page of the three
        // stays open while an earlier one is done
        if (session.isPresent() && session.get().passwordChangeRequired() && access != Access.PUBLIC
                && !path.equals(passwordPage) && !path.equals(CONSENT_PAGE)) {
            resp.sendRedirect(passwordPage + "?notice=password-required");
            return;
        }
        if (role == Role.INDIVIDUAL && !session.get().registrationComplete() && access != Access.PUBLIC
                && !path.equals("/register/profile") && !path.equals(CONSENT_PAGE)) {
            resp.sendRedirect("/register/profile");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The per-browser CSRF token used before login, created on first sight. */
    private static String browserToken(HttpServletRequest req, HttpServletResponse resp) {
        Optional<String> existing = cookie(req, CSRF_COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{32,64}"));
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = Pages.randomToken();
        resp.addHeader("Set-Cookie", CSRF_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
        return token;
    }

    /** The session token from either session cookie, the secure one first. */
    static Optional<String> sessionToken(HttpServletRequest req) {
        return Session.COOKIES.stream().map(name -> cookie(req, name)).flatMap(Optional::stream).findFirst();
    }

    static Optional<String> cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return Optional.of(c.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
