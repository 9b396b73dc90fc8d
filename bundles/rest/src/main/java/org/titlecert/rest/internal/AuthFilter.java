package org.titlecert.rest.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Session;

/**
 * The one guard of the whole API. A request is an API key ({@code Authorization: Bearer}), a session
 * cookie (state-changing calls must also send the session's CSRF token in {@value Session#CSRF_HEADER}),
 * or anonymous, which only {@link Public} endpoints accept. Resources read the caller with {@link #caller}.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {

    private static final String CALLER = Caller.class.getName();
    private static final String SESSION = Session.class.getName();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identity;

    @Context
    private HttpServletRequest request;

    @Context
    private ResourceInfo resource;

    AuthFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        boolean open = marked(method, type, Public.class);
        String address = OriginFilter.address(request);
        Caller caller = null;
        String authorization = ctx.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = identity.authenticateApiKey(authorization.substring(7).strip(), address)
                    .orElseThrow(() -> unauthenticated("INVALID_API_KEY", "API 密钥无效或已撤销"));
        } else {
            Optional<Session> session = sessionCookie().flatMap(t -> identity.session(t, address));
            if (session.isPresent()) {
                Session s = session.get();
                caller = s.caller();
                request.setAttribute(SESSION, s);
                if (!SAFE.contains(ctx.getMethod()) && !open
                        && !s.csrfToken().equals(ctx.getHeaderString(Session.CSRF_HEADER))) {
                    throw TitleCertException.forbidden("CSRF_TOKEN_INVALID", "请求缺少有效的 CSRF 令牌");
                }
                if (s.privacyConsentRequired() && !marked(method, type, BeforeConsent.class) && !open) {
                    throw TitleCertException.forbidden("PRIVACY_CONSENT_REQUIRED", "请先阅读并同意《个人信息保护告知书》");
                }
                if (s.passwordChangeRequired() && !marked(method, type, BeforePasswordChange.class) && !open) {
                    throw TitleCertException.forbidden("PASSWORD_CHANGE_REQUIRED", "请先修改初始密码");
                }
                if (caller.role() == Role.INDIVIDUAL && !s.registrationComplete()
                        && !marked(method, type, DuringRegistration.class) && !open) {
                    throw TitleCertException.forbidden("REGISTRATION_REQUIRED", "请先完善个人注册信息");
                }
            }
        }
        if (caller == null && !open) {
            throw unauthenticated("UNAUTHENTICATED", "请先登录");
        }
        if (caller != null && caller.isVerifier() && !open && !marked(method, type, ForVerifiers.class)) {
            throw TitleCertException.forbidden("VERIFIER_FORBIDDEN", "查验单位账号只能使用证书查验功能");
        }
        RequiresScope scope = method.getAnnotation(RequiresScope.class);
        if (scope == null) {
            scope = type.getAnnotation(RequiresScope.class);
        }
        if (caller != null && scope != null && !caller.hasScope(scope.value())) {
            throw TitleCertException.forbidden("SCOPE_MISSING", "API 密钥没有 " + scope.value() + " 权限");
        }
        request.setAttribute(CALLER, caller);
    }

    private Optional<String> sessionCookie() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (String name : Session.COOKIES) {
                for (Cookie c : cookies) {
                    if (name.equals(c.getName())) {
                        return Optional.of(c.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean marked(Method m, Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
        return m != null && m.isAnnotationPresent(a) || type != null && type.isAnnotationPresent(a);
    }

    private static TitleCertException unauthenticated(String code, String message) {
        return new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, code, message, null);
    }

    /** The caller of this request; never null on a non-public endpoint. */
    static Caller caller(HttpServletRequest request) {
        return (Caller) request.getAttribute(CALLER);
    }

    static Session session(HttpServletRequest request) {
        return (Session) request.getAttribute(SESSION);
    }
}
