package org.titlecert.rest.internal;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.titlecert.api.BoundedInputStream;
import org.titlecert.api.TitleCertException;

/**
 * Caps multipart uploads before CXF parses them: CXF writes a part to disk before the resource reads it, so the
 * limits the services apply while reading would come too late. Anonymous callers (the public PDF check) get a
 * small cap; signed-in callers the largest upload any service takes (a photo ZIP).
 */
@Priority(Priorities.AUTHORIZATION)
final class UploadLimitFilter implements ContainerRequestFilter {

    /** A photo ZIP may be this large; CXF is told the same. */
    static final long SIGNED_IN_BYTES = 256L * 1024 * 1024;

    private final long anonymousBytes;

    @Context
    private HttpServletRequest request;

    UploadLimitFilter(int anonymousMb) {
        this.anonymousBytes = anonymousMb * 1024L * 1024L;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        MediaType type = ctx.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return;
        }
        long limit = AuthFilter.caller(request) == null ? anonymousBytes : SIGNED_IN_BYTES;
        TitleCertException tooLarge = TitleCertException.tooLarge("PAYLOAD_TOO_LARGE",
                "上传内容超过 " + limit / (1024 * 1024) + " MB 的限制");
        if (ctx.getLength() > limit) {
            throw tooLarge;
        }
        ctx.setEntityStream(new BoundedInputStream(ctx.getEntityStream(), limit, () -> tooLarge));
    }
}
