package org.titlecert.webui.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.titlecert.api.Caller;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.identity.Session;

/** Small helpers shared by the page servlets: the caller, forms, notices after redirects. */
final class Pages {

    static final String SESSION = Session.class.getName();
    static final String CSRF = "titlecert.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pages() {
    }

    static void setSession(HttpServletRequest req, Session s) {
        req.setAttribute(SESSION, s);
    }

    static Session session(HttpServletRequest req) {
        return (Session) req.getAttribute(SESSION);
    }

    /** The caller of a page request; the auth filter guarantees one on every non-public page. */
    static Caller caller(HttpServletRequest req) {
        Session s = session(req);
        return s == null ? null : s.caller().from(req.getRemoteAddr());
    }

    /** The path the container routes by: decoded, dot segments and path parameters gone. */
    static String path(HttpServletRequest req) {
        String info = req.getPathInfo();
        return req.getServletPath() + (info == null ? "" : info);
    }

    /**
     * This page's address without its one-time notice, for the automatic refresh: the notice was read on the
     * first load and must not stay once the page has moved on.
     */
    static String withoutNotice(HttpServletRequest req) {
        String query = req.getQueryString();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("notice=")) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(pair);
                }
            }
        }
        return path(req) + kept;
    }

    static String csrf(HttpServletRequest req) {
        return (String) req.getAttribute(CSRF);
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static int status(TitleCertException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case TOO_MANY_REQUESTS -> 429;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            case UNAVAILABLE -> 503;
            default -> 400;
        };
    }

    /** Violations keyed by field, first one wins, for showing beside each form field. */
    static Map<String, String> fieldErrors(List<Violation> violations) {
        Map<String, String> errors = new HashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.column(), v.reason()));
        return errors;
    }

    static String param(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sb.append(sb.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    /** Parses an integer form field, or null when absent or malformed. */
    static Integer integer(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long longId(String v) {
        try {
            return v == null ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Only local paths, so that a login link cannot send the user to another site. */
    /** A new captcha for a form's {@code l.captcha} macro. */
    /**
     * A new captcha for the page's form: the letters, or the sum with its words when the person asked for it
     * (改用算术题, {@code captchaVariant=arithmetic}, kept by the form when it comes back with an error).
     */
    static void putCaptcha(org.titlecert.identity.IdentityService identity, HttpServletRequest req,
                           Map<String, Object> model) {
        org.titlecert.identity.Captcha c = identity.newCaptcha(req.getRemoteAddr(),
                "arithmetic".equals(req.getParameter("captchaVariant")));
        model.put("captchaId", c.id());
        model.put("captchaImage", "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()));
        if (c.testAnswer() != null) {
            model.put("captchaTestAnswer", c.testAnswer());
        }
        if (c.question() != null) {
            model.put("captchaQuestion", c.question());
        }
    }

    static String localPath(String next, String fallback) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains("\r") && !next.contains("\n") ? next : fallback;
    }
}
