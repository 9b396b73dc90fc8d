package org.titlecert.webui.internal;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.titlecert.api.Role;
import org.titlecert.identity.Session;

/**
 * A page servlet that checks its caller's role itself, whatever filters ran before it: an anonymous
 * caller of a protected page is sent to log in, a signed-in caller without the role gets 403. Every POST
 * must carry the page's CSRF token as a form field, multipart forms included.
 */
abstract class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = Pages.path(req);
        Access access = Access.of(path);
        Session s = Pages.session(req);
        Role role = s == null ? null : s.caller().role();
        if (!access.allows(role)) {
            access.refuse(resp, role, path);
        } else if ("POST".equals(req.getMethod()) && !csrfValid(req)) {
            req.setAttribute(ErrorPageServlet.MESSAGE, "页面已过期或请求来源不明，请刷新页面后重试");
            resp.sendError(403);
        } else {
            super.service(req, resp);
        }
    }

    private static boolean csrfValid(HttpServletRequest req) {
        String expected = Pages.csrf(req);
        try {
            return expected != null && expected.equals(req.getParameter(WebAuthFilter.CSRF_PARAM));
        } catch (IllegalStateException tooLarge) {
            // a multipart body past the servlet's limit: refused like any other request without a valid token
            return false;
        }
    }
}
