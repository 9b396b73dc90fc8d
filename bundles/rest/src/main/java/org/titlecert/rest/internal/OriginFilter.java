package org.titlecert.rest.internal;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;

import org.titlecert.api.RequestOrigin;

/**
 * The client behind the trusted reverse proxies, worked out once per request before anything else: its
 * address (throttling, rate limits, audit) and whether it came over HTTPS (Secure cookies, HSTS).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class OriginFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ADDRESS = OriginFilter.class.getName() + ".address";
    private static final String SECURE = OriginFilter.class.getName() + ".secure";

    private final RequestOrigin origin;

    @Context
    private HttpServletRequest request;

    OriginFilter(RequestOrigin origin) {
        this.origin = origin;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String peer = request.getRemoteAddr();
        String forwarded = ctx.getHeaderString("Forwarded");
        request.setAttribute(ADDRESS, origin.clientAddress(peer, forwarded, ctx.getHeaderString("X-Forwarded-For")));
        request.setAttribute(SECURE, origin.secure(peer, request.isSecure(), forwarded,
                ctx.getHeaderString("X-Forwarded-Proto")));
    }

    @Override
    public void filter(ContainerRequestContext ctx, ContainerResponseContext response) {
        String hsts = origin.strictTransportSecurity();
        if (secure(request) && hsts != null) {
            response.getHeaders().putSingle("Strict-Transport-Security", hsts);
        }
    }

    /** The client's address, as the filter worked it out. */
    static String address(HttpServletRequest request) {
        Object a = request.getAttribute(ADDRESS);
        return a != null ? (String) a : request.getRemoteAddr();
    }

    static boolean secure(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SECURE));
    }
}
