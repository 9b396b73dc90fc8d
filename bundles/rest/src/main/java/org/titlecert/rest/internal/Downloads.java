package org.titlecert.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.Response;

/** File responses with an RFC 6266 Content-Disposition that keeps Chinese filenames intact. */
final class Downloads {

    private Downloads() {
    }

    static Response file(byte[] content, String contentType, String filename, boolean inline, String sha256) {
        return Response.ok(content, contentType)
                .header("Content-Disposition", contentDisposition(filename, inline))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", sha256 == null ? null : '"' + sha256 + '"')
                .build();
    }

    /** An ASCII fallback for old clients plus the UTF-8 filename* parameter (RFC 5987). */
    static String contentDisposition(String filename, boolean inline) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
