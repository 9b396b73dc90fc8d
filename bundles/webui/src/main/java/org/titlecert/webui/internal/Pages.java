package org.titlecert.webui.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.titlecert.api.Caller;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;

/** Small helpers shared by the page servlets. */
final class Pages {

    private static final String FLASH = "titlecert.flash";

    private Pages() {
    }

    /** The caller of a page request. Until authentication is installed pages run as the platform operator. */
    static Caller caller(HttpServletRequest req) {
        return Caller.system("operator");
    }

    /** A message shown once on the next page, after a redirect. */
    static void flash(HttpServletRequest req, String kind, String message, List<Violation> violations) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", kind);
        f.put("message", message);
        f.put("violations", violations == null ? List.of() : violations);
        req.getSession(true).setAttribute(FLASH, f);
    }

    static void flash(HttpServletRequest req, TitleCertException e) {
        flash(req, "error", e.getMessage(), e.violations());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> takeFlash(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        if (s == null) {
            return null;
        }
        Map<String, Object> f = (Map<String, Object>) s.getAttribute(FLASH);
        s.removeAttribute(FLASH);
        return f;
    }

    static void redirect(HttpServletResponse resp, String path) throws IOException {
        resp.sendRedirect(path);
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
}
