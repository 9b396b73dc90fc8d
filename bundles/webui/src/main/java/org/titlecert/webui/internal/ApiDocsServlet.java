package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The API documentation for integrators at {@code /api/docs}: Swagger UI over {@code /api/v1/openapi.json}. Public. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-api-docs")
@HttpWhiteboardServletPattern("/api/docs")
public class ApiDocsServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        try (InputStream page = ApiDocsServlet.class.getResourceAsStream("/docs/api-docs.html")) {
            page.transferTo(resp.getOutputStream());
        }
    }
}
