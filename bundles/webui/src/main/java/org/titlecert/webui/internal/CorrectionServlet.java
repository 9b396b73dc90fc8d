package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.titlecert.certificate.Correction;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.CorrectionStatus;

/**
 * 更正审核: the corrections in the caller's scope (a unit's own; all for the supervising department), one
 * correction with each field before and after and its evidence, and the system admin's decision.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-corrections")
@HttpWhiteboardServletPattern({"/admin/corrections", "/admin/corrections/*"})
public class CorrectionServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d+)(?:/(approve|reject))?");
    private static final int PAGE_SIZE = 20;

    @Reference
    private transient CorrectionService corrections;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Caller caller = Pages.caller(req);
        Map<String, Object> model = new HashMap<>();
        model.put("active", "corrections");
        String notice = Notices.of(req);
        if (notice != null) {
            model.put("notice", notice);
        }
        try {
            Matcher m = PATH.matcher(path);
            if (path.equals("/")) {
                // a system admin starts at what waits for them; a unit at everything it asked for
                String asked = Pages.param(req, "status");
                CorrectionStatus status = asked == null ? (caller.isSystem() ? CorrectionStatus.PENDING : null)
                        : java.util.Arrays.stream(CorrectionStatus.values()).filter(s -> s.name().equals(asked))
                        .findFirst().orElse(null);
                Integer page = Pages.integer(Pages.param(req, "page"));
                model.put("result", corrections.find(caller, status, 0,
                        new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE)));
                model.put("status", status == null ? "ALL" : status.name());
                model.put("statuses", CorrectionStatus.values());
                renderer.render(req, resp, 200, "corrections", model);
            } else if (m.matches() && m.group(2) == null) {
                model.put("x", corrections.get(caller, Long.parseLong(m.group(1))));
                renderer.render(req, resp, 200, "correction", model);
            } else {
                renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }

    /** 同意更正 / 不予更正. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        Matcher m = PATH.matcher(req.getPathInfo() == null ? "/" : req.getPathInfo());
        if (!m.matches() || m.group(2) == null) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        long id = Long.parseLong(m.group(1));
        Caller caller = Pages.caller(req);
        try {
            Correction x = "approve".equals(m.group(2)) ? corrections.approve(caller, id, Pages.param(req, "note"))
                    : corrections.reject(caller, id, Pages.param(req, "note"));
            resp.sendRedirect("/admin/corrections/" + x.id() + "?notice=correction-" + m.group(2) + "d");
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }
}
