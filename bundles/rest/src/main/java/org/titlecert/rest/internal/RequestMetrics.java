package org.titlecert.rest.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.titlecert.metrics.Metrics;

/**
 * Counts the API's answers by route (the resource's template, {@code /filings/{id}}), method and status; a request
 * that matched no resource counts as {@code unmatched}, so that made-up addresses add no series.
 */
final class RequestMetrics implements ContainerResponseFilter {

    private final Metrics.Counter requests;
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    RequestMetrics(Metrics metrics) {
        requests = metrics.counter("titlecert_api_requests_total", "REST API requests by route, method and status",
                "route", "method", "status");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method m = resource == null ? null : resource.getResourceMethod();
        String route = m == null ? "unmatched" : routes.computeIfAbsent(m, RequestMetrics::template);
        String method = switch (request.getMethod()) {
            case "GET", "POST", "PUT", "DELETE", "HEAD" -> request.getMethod();
            default -> "OTHER";
        };
        requests.inc(route, method, Integer.toString(response.getStatus()));
    }

    private static String template(Method m) {
        Path type = m.getDeclaringClass().getAnnotation(Path.class);
        Path method = m.getAnnotation(Path.class);
        String t = (type == null ? "" : type.value()) + "/" + (method == null ? "" : method.value());
        t = t.replaceAll("/+", "/");
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
