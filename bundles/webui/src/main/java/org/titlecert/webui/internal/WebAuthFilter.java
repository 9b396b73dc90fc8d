package org.titlecert.webui.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Who may see which page, and CSRF protection for every form. Admin pages need an admin session;
 * personal pages an individual session, and until the registration form is complete an individual
 * sees nothing but that form. Every POST carries the CSRF token: the session's, or before login a
 * per-browser token in a cookie (double submit).
 */
@Component(service = Filter.class, property = "service.ranking:Integer=100")
@HttpWhiteboardFilterName("titlecert-auth")
@HttpWhiteboardFilterPattern("/*")
public class WebAuthFilter implements Filter {

    static final String CSRF_COOKIE = "TCCSRF";
    static final String CSRF_PARAM = "_csrf";
    private static final List<String> OPEN = List.of("/", "/index.html", "/login", "/login/sso", "/login/sso/callback",
            "/register", "/logout", "/admin/login", "/captcha", "/favicon.ico");

    @Reference
    private IdentityService identity;

    @Reference
    private Renderer renderer;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/static/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Session> session = cookie(req, Session.COOKIE).flatMap(t -> identity.session(t, req.getRemoteAddr()));
        session.ifPresent(s -> Pages.setSession(req, s));
        String csrf = session.map(Session::csrfToken).orElseGet(() -> browserToken(req, resp));
        req.setAttribute(Pages.CSRF, csrf);

        if ("POST".equals(req.getMethod()) && !csrf.equals(req.getParameter(CSRF_PARAM))) {
            renderer.error(req, resp, 403, "页面已过期或请求来源不明，请刷新页面后重试");
            return;
        }
        boolean open = OPEN.contains(path) || path.startsWith("/v/");
        boolean adminPage = path.startsWith("/admin/") || path.equals("/admin");
        Role role = session.map(s -> s.caller().role()).orElse(null);
        if (adminPage && !open && (role == null || role == Role.INDIVIDUAL)) {
            resp.sendRedirect("/admin/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            return;
        }
        boolean personalPage = path.startsWith("/me") || path.startsWith("/register/");
        if (personalPage && role != Role.INDIVIDUAL) {
            resp.sendRedirect(role == null ? "/login" : "/admin/filings");
            return;
        }
        if (role == Role.INDIVIDUAL && !session.get().registrationComplete() && !open
                && !path.equals("/register/profile")) {
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
