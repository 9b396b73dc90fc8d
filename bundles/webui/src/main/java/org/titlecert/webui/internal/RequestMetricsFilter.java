package org.titlecert.webui.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.titlecert.metrics.Metrics;

/**
 * Counts the pages answered, by route (the servlet's path: {@code /admin/filings} for every filing), method and
 * status. A path no page has (404) counts as {@code unmatched}, so that made-up addresses add no series.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("titlecert-request-metrics")
@HttpWhiteboardFilterPattern("/*")
public class RequestMetricsFilter implements Filter {

    private final Metrics.Counter requests;

    @Activate
    public RequestMetricsFilter(@Reference Metrics metrics) {
        requests = metrics.counter("titlecert_page_requests_total", "Web UI requests by route, method and status",
                "route", "method", "status");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = ((HttpServletResponse) response).getStatus();
        } finally {
            HttpServletRequest req = (HttpServletRequest) request;
            String route = status == 404 ? "unmatched" : req.getServletPath().isEmpty() ? "/" : req.getServletPath();
            requests.inc(route, method(req.getMethod()), Integer.toString(status));
        }
    }

    static String method(String m) {
        return switch (m) {
            case "GET", "POST", "PUT", "DELETE", "HEAD" -> m;
            default -> "OTHER";
        };
    }
}
