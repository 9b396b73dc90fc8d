package org.titlecert.webui.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.titlecert.api.RequestOrigin;

/**
 * First of all filters: the request as the client made it, behind the trusted reverse proxies. Every page then
 * sees the client's own address (throttling, rate limits, the audit log) and whether it came over HTTPS
 * (Secure cookies); secure responses carry HSTS.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterName("titlecert-origin")
@HttpWhiteboardFilterPattern("/*")
public class OriginFilter implements Filter {

    @Reference
    private RequestOrigin origin;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String peer = req.getRemoteAddr();
        String client = origin.clientAddress(peer, req.getHeader("Forwarded"), req.getHeader("X-Forwarded-For"));
        boolean secure = origin.secure(peer, req.isSecure(), req.getHeader("Forwarded"),
                req.getHeader("X-Forwarded-Proto"));
        String hsts = origin.strictTransportSecurity();
        if (secure && hsts != null) {
            ((HttpServletResponse) response).setHeader("Strict-Transport-Security", hsts);
        }
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getScheme() {
                return secure ? "https" : super.getScheme();
            }
        }, response);
    }
}
