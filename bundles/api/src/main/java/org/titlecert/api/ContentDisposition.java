package org.titlecert.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a file response (RFC 6266), keeping Chinese file names intact. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** An ASCII fallback for old clients plus the UTF-8 {@code filename*} parameter (RFC 5987). */
    public static String of(String filename, boolean inline) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
