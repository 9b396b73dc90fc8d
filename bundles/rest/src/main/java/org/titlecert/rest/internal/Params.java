package org.titlecert.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.titlecert.api.TitleCertException;

/** Query parameters parsed with clear 400 errors, where JAX-RS conversion would answer 404. */
final class Params {

    private Params() {
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw TitleCertException.invalid("INVALID_PARAMETER", "参数 " + name + " 应为整数");
        }
    }

    static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TitleCertException.invalid("INVALID_PARAMETER", "参数 " + name + " 应为 "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(" / ")));
        }
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
