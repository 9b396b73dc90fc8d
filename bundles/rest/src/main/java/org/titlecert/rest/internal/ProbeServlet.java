package org.titlecert.rest.internal;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The probes of a service manager or load balancer, outside the versioned API and answering while the API waits
 * for the database or a migration: {@code /api/health/live} (the process serves HTTP: restart it if not) and
 * {@code /api/health/ready} (200 when every {@link Readiness} check passes, else 503: send it no traffic). Public;
 * they name the checks, never what lies behind them.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-probes")
@HttpWhiteboardServletPattern("/api/health/*")
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient Readiness readiness;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String probe = req.getPathInfo() == null ? "" : req.getPathInfo();
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        switch (probe) {
            case "/live" -> resp.getWriter().write("{\"status\":\"UP\"}");
            case "/ready" -> {
                Map<String, Boolean> checks = readiness.checks();
                boolean ready = Readiness.ready(checks);
                resp.setStatus(ready ? 200 : 503);
                resp.getWriter().write("{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"checks\":{"
                        + checks.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                                .collect(Collectors.joining(",")) + "}}");
            }
            default -> {
                resp.setStatus(404);
                resp.getWriter().write("{\"code\":\"NOT_FOUND\",\"message\":\"没有这个探针：请用 /api/health/live 或 /api/health/ready\"}");
            }
        }
    }
}
