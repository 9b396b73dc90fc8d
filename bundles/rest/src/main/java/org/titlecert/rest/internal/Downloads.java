package org.titlecert.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.titlecert.api.ContentDisposition;

/** File responses with an RFC 6266 Content-Disposition that keeps Chinese filenames intact. */
final class Downloads {

    private Downloads() {
    }

    static Response file(byte[] content, String contentType, String filename, boolean inline, String sha256) {
        return headers(Response.ok(content, contentType), filename, inline, sha256).build();
    }

    /** A response that copies the stream to the client, for files too large to hold in memory. */
    static Response stream(StreamingOutput body, String contentType, String filename, boolean inline, String sha256,
                           long length) {
        Response.ResponseBuilder r = headers(Response.ok(body, contentType), filename, inline, sha256);
        return (length >= 0 ? r.header("Content-Length", length) : r).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder r, String filename, boolean inline,
                                                    String sha256) {
        return r.header("Content-Disposition", ContentDisposition.of(filename, inline))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", sha256 == null ? null : '"' + sha256 + '"');
    }
}
