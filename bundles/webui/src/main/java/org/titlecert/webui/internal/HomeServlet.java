package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.identity.IdentityService;

/** The portal page at {@code /}, and the Chinese 404 page for every path no other servlet serves. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-home")
@HttpWhiteboardServletPattern("/")
public class HomeServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient Renderer renderer;

    @Reference
    private transient IdentityService identity;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = Pages.path(req);
        if ("/favicon.ico".equals(path)) {
            // browsers ask for it at the root whatever the page links to
            resp.setContentType("image/x-icon");
            resp.setHeader("Cache-Control", "public, max-age=86400");
            try (InputStream icon = HomeServlet.class.getResourceAsStream("/static/favicon.ico")) {
                icon.transferTo(resp.getOutputStream());
            }
        } else if ("/".equals(path) || path.isEmpty() || "/index.html".equals(path)) {
            renderer.render(req, resp, 200, "home", Map.of("ssoEnabled", identity.ssoEnabled()));
        } else if ("/admin".equals(path) || "/admin/".equals(path)) {
            resp.sendRedirect("/admin/filings");
        } else {
            renderer.error(req, resp, 404, "页面不存在");
        }
    }
}
