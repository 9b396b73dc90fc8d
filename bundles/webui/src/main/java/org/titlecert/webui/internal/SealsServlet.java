package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.Caller;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.CertificateService;
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

    @Reference
    private transient CertificateService certificates;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> model = new HashMap<>(Map.of("issuers", seals.issuers(), "active", "seals"));
        Caller caller = Pages.caller(req);
        if (caller.isSystem()) {
            certificates.publicBaseUrlProblem().ifPresent(problem -> model.put("qrWarning", problem));
            model.put("regenerable", certificates.regenerateAll(caller, true));
        }
        model.put("notice", Notices.of(req));
        renderer.render(req, resp, 200, "seals", model);
    }

    /** 全部重新生成: a system admin regenerates every valid certificate, for instance after the QR address changed. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"regenerate-all".equals(req.getParameter("action"))) {
            resp.sendError(404);
            return;
        }
        try {
            certificates.regenerateAll(Pages.caller(req), false);
            resp.sendRedirect("/admin/seals?notice=regenerated");
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }
}
