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
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.Verifier;
import org.titlecert.identity.VerifierService;
import org.titlecert.identity.VerifierStatus;

/** 系统管理 › 查验单位审核: applications by status; approve, refuse, or stop an approved verifier with a reason. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-verifier-review")
@HttpWhiteboardServletPattern({"/admin/verifiers", "/admin/verifiers/*"})
public class VerifierReviewServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;

    @Reference
    private transient VerifierService verifiers;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        page(req, resp, 200, new HashMap<>());
    }

    /** {@code /{id}/approve} and {@code /{id}/reject} (with a reason). */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (!path.matches("/\\d{1,18}/(approve|reject)")) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        long id = Long.parseLong(path.split("/")[1]);
        Map<String, Object> model = new HashMap<>();
        try {
            Verifier v = path.endsWith("/approve") ? verifiers.approve(Pages.caller(req), id)
                    : verifiers.reject(Pages.caller(req), id, Pages.param(req, "reason"));
            resp.sendRedirect("/admin/verifiers?status=" + v.status() + "&notice=verifier-" + v.status().name()
                    .toLowerCase());
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND || e.kind() == TitleCertException.Kind.FORBIDDEN) {
                renderer.failure(req, resp, e);
                return;
            }
            model.put("error", e.getMessage());
            model.put("failedId", id);
            page(req, resp, Pages.status(e), model);
        }
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, Object> model)
            throws IOException {
        VerifierStatus shown = parse(Pages.param(req, "status"));
        Integer page = Pages.integer(Pages.param(req, "page"));
        model.put("active", "verifiers");
        model.put("status", shown == null ? "" : shown.name());
        model.put("verifiers", verifiers.list(Pages.caller(req), shown,
                new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE)));
        String notice = Notices.of(req);
        if (notice != null) {
            model.put("notice", notice);
        }
        renderer.render(req, resp, status, "verifiers", model);
    }

    /** The status asked for; pending when none is named, all for an empty one. */
    private static VerifierStatus parse(String s) {
        if (s == null) {
            return VerifierStatus.PENDING;
        }
        try {
            return s.isEmpty() ? null : VerifierStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return VerifierStatus.PENDING;
        }
    }
}
