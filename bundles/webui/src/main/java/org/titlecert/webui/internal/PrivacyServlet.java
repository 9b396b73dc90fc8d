package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.Caller;
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.Session;
import org.titlecert.verification.NewShareCode;
import org.titlecert.verification.PrivacyCentre;
import org.titlecert.verification.VerificationService;

/**
 * 个人中心 — 隐私与授权: my share codes (授权码: make one, shown once; withdraw one), 我的数据 (the exports are REST
 * downloads), who checked my certificates (查验记录), and 注销账号.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-privacy")
@HttpWhiteboardServletPattern({"/me/privacy", "/me/privacy/*"})
public class PrivacyServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;

    @Reference
    private transient VerificationService verification;

    @Reference
    private transient PrivacyCentre privacy;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        String notice = Notices.of(req);
        if (notice != null) {
            model.put("notice", notice);
        }
        page(req, resp, 200, model);
    }

    /** {@code /share-codes}: makes a code and shows it this once; {@code /share-codes/{id}/withdraw}; {@code /close}. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Caller caller = Pages.caller(req);
        Map<String, Object> model = new HashMap<>();
        try {
            if (path.equals("/share-codes")) {
                Integer days = Pages.integer(Pages.param(req, "days"));
                String only = Pages.param(req, "verifierCreditCode");
                model.put("verifierCreditCode", only);
                NewShareCode made = verification.createShareCode(caller, days == null ? 0 : days, only);
                model.remove("verifierCreditCode");
                // shown on this answer only: never in a URL or a redirect
                model.put("newCode", made);
                resp.setHeader("Cache-Control", "no-store");
                page(req, resp, 200, model);
            } else if (path.equals("/close")) {
                privacy.closeAccount(caller, req.getParameter("password"), Pages.param(req, "confirmation"),
                        req.getRemoteAddr());
                resp.addHeader("Set-Cookie", Session.clearCookie(req.isSecure()));
                resp.sendRedirect("/login?notice=account-closed");
            } else if (path.matches("/share-codes/\\d+/withdraw")) {
                verification.withdrawShareCode(caller, Long.parseLong(path.split("/")[2]));
                resp.sendRedirect("/me/privacy?notice=share-code-withdrawn#share-codes");
            } else {
                renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND || e.kind() == TitleCertException.Kind.FORBIDDEN) {
                renderer.failure(req, resp, e);
            } else {
                model.put(path.equals("/close") ? "closeError" : "shareError", e.getMessage());
                page(req, resp, Pages.status(e), model);
            }
        }
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, Object> model)
            throws IOException {
        Caller caller = Pages.caller(req);
        Integer page = Pages.integer(Pages.param(req, "page"));
        model.put("active", "privacy");
        model.put("checks", verification.checks(caller, new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE)));
        model.put("codes", verification.shareCodes(caller));
        model.put("linked", caller.personId() != null);
        renderer.render(req, resp, status, "privacy", model);
    }
}
