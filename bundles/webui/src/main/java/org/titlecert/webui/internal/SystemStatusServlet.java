package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.TitleCertException;
import org.titlecert.backup.BackupStatus;
import org.titlecert.backup.Backups;
import org.titlecert.metrics.MetricsReadout;

/**
 * 运行状态 (system admins): the queue, rates, failures, the disk and the last backup at a glance. The charts
 * draw themselves from the REST API ({@code /api/v1/metrics/dashboard}, {@code /api/v1/backups}) and refresh at
 * each sampling interval; the page itself starts a backup.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-system-status")
@HttpWhiteboardServletPattern({"/admin/system", "/admin/system/*"})
public class SystemStatusServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient MetricsReadout metrics;

    @Reference
    private transient Backups backups;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        page(req, resp, 200, null);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/backup".equals(req.getPathInfo())) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        try {
            backups.start(Pages.caller(req));
            resp.sendRedirect("/admin/system?notice=backup");
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.FORBIDDEN) {
                renderer.failure(req, resp, e);
            } else {
                page(req, resp, Pages.status(e), e.getMessage());
            }
        }
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, String error) throws IOException {
        try {
            Map<String, Object> model = new HashMap<>();
            MetricsReadout.Dashboard dashboard = metrics.dashboard(Pages.caller(req));
            List<BackupStatus> recent = backups.recent(Pages.caller(req));
            model.put("charts", dashboard.series());
            model.put("intervalSeconds", dashboard.intervalSeconds());
            model.put("backup", recent.isEmpty() ? null : recent.get(0));
            model.put("error", error);
            model.put("notice", Notices.of(req));
            model.put("active", "system");
            model.put("extraScripts", List.of("/static/system.js"));
            renderer.render(req, resp, status, "system", model);
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }
}
