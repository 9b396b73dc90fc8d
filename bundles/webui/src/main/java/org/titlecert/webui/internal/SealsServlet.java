package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.seal.SealRegistry;

/** 电子印章: which committees and issuing authorities have an e-seal, for admins. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-seals")
@HttpWhiteboardServletPattern("/admin/seals")
public class SealsServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient SealRegistry seals;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        renderer.render(req, resp, 200, "seals", Map.of("issuers", seals.issuers(), "active", "seals"));
    }
}
