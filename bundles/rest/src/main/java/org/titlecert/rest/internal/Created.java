package org.titlecert.rest.internal;

import java.net.URI;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

/**
 * The {@code Location} of a resource made by a POST to its collection: the URL the caller itself used (scheme
 * as the trusted proxies report it, the caller's Host) plus the new id; never a host the caller did not call.
 */
final class Created {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private Created() {
    }

    static URI location(HttpServletRequest request, long id) {
        return location(request, Long.toString(id));
    }

    /**
     * A resource made by a POST to another resource's path: the called URL up to {@code from} (e.g.
     * {@code /certificates/}), then {@code collection} and the new id.
     */
    static URI location(HttpServletRequest request, String from, String collection, long id) {
        String uri = request.getRequestURI();
        return URI.create(base(request) + uri.substring(0, uri.lastIndexOf(from)) + collection + "/" + id);
    }

    static URI location(HttpServletRequest request, String id) {
        String collection = request.getRequestURI().replaceAll("/+$", "");
        return URI.create(base(request) + collection + "/" + id);
    }

    private static String base(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return (OriginFilter.secure(request) ? "https" : "http") + "://" + host;
    }
}
