package org.titlecert.webui.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.servlet.http.HttpServletResponse;

import org.titlecert.api.Role;

/**
 * Who may open a page, by the path the container routes by (servlet path + path info, decoded and
 * normalised). The one table that the auth filter and every page servlet consult.
 */
enum Access {
    PUBLIC, INDIVIDUAL, ADMIN, SYSTEM, VERIFIER;

    private static final List<String> OPEN = List.of("/", "/index.html", "/login", "/login/sso", "/login/sso/callback",
            "/register", "/logout", "/admin/login", "/favicon.ico", "/api/docs", "/verifier/login", "/verifier/register");
    private static final List<String> SYSTEM_AREAS = List.of("/admin/accounts", "/admin/api-keys", "/admin/audit",
            "/admin/system", "/admin/verifiers");

    static Access of(String path) {
        if (OPEN.contains(path) || path.startsWith("/v/") || path.startsWith("/static/")) {
            return PUBLIC;
        }
        if (SYSTEM_AREAS.stream().anyMatch(a -> under(path, a))) {
            return SYSTEM;
        }
        if (under(path, "/admin")) {
            return ADMIN;
        }
        if (under(path, "/verifier")) {
            return VERIFIER;
        }
        if (under(path, "/me") || path.startsWith("/register/") || path.equals("/privacy/consent")) {
            return INDIVIDUAL;
        }
        return PUBLIC;
    }

    private static boolean under(String path, String area) {
        return path.equals(area) || path.startsWith(area + "/");
    }

    boolean allows(Role role) {
        return switch (this) {
            case PUBLIC -> true;
            case INDIVIDUAL -> role == Role.INDIVIDUAL;
            case ADMIN -> role == Role.UNIT_ADMIN || role == Role.SYSTEM_ADMIN;
            case SYSTEM -> role == Role.SYSTEM_ADMIN;
            case VERIFIER -> role == Role.VERIFIER;
        };
    }

    /**
     * Refuses a caller this page does not allow: to the login that could open it (with the page to return to),
     * an admin on a personal page to their own start page, a verifier anywhere but its own pages to its start page,
     * and a unit admin on a system page 403.
     */
    void refuse(HttpServletResponse resp, Role role, String path) throws IOException {
        if (this == SYSTEM && role == Role.UNIT_ADMIN) {
            resp.sendError(403);
        } else if (role == Role.VERIFIER) {
            resp.sendRedirect("/verifier");
        } else if (this == INDIVIDUAL && role != null) {
            resp.sendRedirect("/admin/filings");
        } else {
            String login = switch (this) {
                case INDIVIDUAL -> "/login";
                case VERIFIER -> "/verifier/login";
                default -> "/admin/login";
            };
            resp.sendRedirect(login + "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        }
    }
}
