package org.titlecert.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;

import org.titlecert.api.Caller;

/**
 * The single place where a request gets its {@link Caller}; every resource reads it from here.
 * Until authentication is installed the API runs as the platform operator.
 */
@PreMatching
final class CallerFilter implements ContainerRequestFilter {

    static final String ATTRIBUTE = Caller.class.getName();

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext ctx) {
        request.setAttribute(ATTRIBUTE, Caller.system("operator"));
    }

    static Caller of(HttpServletRequest request) {
        return (Caller) request.getAttribute(ATTRIBUTE);
    }
}
