package org.titlecert.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

import org.titlecert.api.BoundedInputStream;
import org.titlecert.api.TitleCertException;

/**
 * Caps every JSON and form body before anything parses it, whether it declares its length or streams it
 * chunked. Files (PDF, CSV, XLSX, images, ZIP) are capped where they are read, each by its own limit.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
final class BodyLimitFilter implements ContainerRequestFilter {

    private final long maxBytes;

    BodyLimitFilter(int maxKb) {
        this.maxBytes = maxKb * 1024L;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        MediaType type = ctx.getMediaType();
        boolean structured = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
                || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        if (!structured) {
            return;
        }
        if (ctx.getLength() > maxBytes) {
            throw tooLarge();
        }
        // read here, not inside the JSON parser: a parser would report the cut as malformed JSON, not as too large
        byte[] body;
        try {
            body = new BoundedInputStream(ctx.getEntityStream(), maxBytes, this::tooLarge).readAllBytes();
        } catch (IOException e) {
            throw TitleCertException.invalid("UPLOAD_FAILED", "请求内容读取失败，请重试");
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
    }

    private TitleCertException tooLarge() {
        return TitleCertException.tooLarge("PAYLOAD_TOO_LARGE", "请求内容超过 " + maxBytes / 1024 + " KB 的限制");
    }
}
