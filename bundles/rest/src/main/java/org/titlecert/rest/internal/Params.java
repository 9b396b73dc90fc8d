package org.titlecert.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.titlecert.api.TitleCertException;

/** Request bodies read with a size limit (query parameters are typed, see {@link ParamConverters}). */
final class Params {

    private Params() {
    }

    /** The request body, refused with 413 once it passes the limit. */
    static byte[] body(InputStream in, int maxMb) {
        long max = maxMb * 1024L * 1024L;
        try {
            byte[] data = in.readNBytes((int) max + 1);
            if (data.length > max) {
                throw TitleCertException.tooLarge("PAYLOAD_TOO_LARGE", "上传内容超过 " + maxMb + " MB 的限制");
            }
            return data;
        } catch (IOException e) {
            throw TitleCertException.invalid("UPLOAD_FAILED", "上传中断，请重试");
        }
    }
}
