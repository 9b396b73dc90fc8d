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
import org.titlecert.filing.IssuingAuthority;
import org.titlecert.filing.OrganizationService;
import org.titlecert.seal.SealRegistry;

/** 电子印章: which committees and issuing authorities have an e-seal, for admins; the authorities' 统一社会信用代码. */
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

    @Reference
    private transient OrganizationService organizations;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        renderer.render(req, resp, 200, "seals", model(req));
    }

    private Map<String, Object> model(HttpServletRequest req) {
        Map<String, Object> model = new HashMap<>(Map.of("issuers", seals.issuers(), "active", "seals"));
        Caller caller = Pages.caller(req);
        if (caller.isSystem()) {
            certificates.publicBaseUrlProblem().ifPresent(problem -> model.put("qrWarning", problem));
            model.put("regenerable", certificates.regenerateAll(caller, true));
            model.put("editAuthorities", true);
        }
        Map<String, IssuingAuthority> authorities = new HashMap<>();
        organizations.issuingAuthorities().forEach(a -> authorities.put(a.code(), a));
        model.put("authorities", authorities);
        model.put("notice", Notices.of(req));
        return model;
    }

    /**
     * 全部重新生成: a system admin regenerates every valid certificate, for instance after the QR address changed;
     * or gives an issuing authority's 统一社会信用代码, which the certificates generated afterwards carry.
     */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getParameter("action");
        if ("credit-code".equals(action)) {
            creditCode(req, resp);
            return;
        }
        if (!"regenerate-all".equals(action)) {
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

    private void creditCode(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String code = req.getParameter("authority");
        String entered = req.getParameter("creditCode");
        IssuingAuthority authority = organizations.issuingAuthorities().stream()
                .filter(a -> a.code().equals(code)).findFirst().orElse(null);
        if (authority == null) {
            renderer.failure(req, resp, TitleCertException.notFound("AUTHORITY_NOT_FOUND", "发证机关不存在"));
            return;
        }
        try {
            organizations.updateIssuingAuthority(Pages.caller(req), authority.id(), authority.name(), entered);
            resp.sendRedirect("/admin/seals?notice=credit-code-saved");
        } catch (TitleCertException e) {
            if (e.kind() != TitleCertException.Kind.INVALID) {
                renderer.failure(req, resp, e);
                return;
            }
            // the form comes back with what was entered and why it was refused
            Map<String, Object> model = model(req);
            model.put("creditCodeError", Map.of("authority", code, "message", e.getMessage(),
                    "entered", entered == null ? "" : entered));
            renderer.render(req, resp, 400, "seals", model);
        }
    }
}
