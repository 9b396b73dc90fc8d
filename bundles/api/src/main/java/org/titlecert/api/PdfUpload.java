package org.titlecert.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;


/** Reads an uploaded document with a size bound and checks by content that it is a PDF. */
public final class PdfUpload {

    private PdfUpload() {
    }

    /** Reads at most {@code max} bytes, refusing anything longer without reading it all. */
    public static byte[] readBounded(InputStream in, long max) {
        try {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (data.length > max) {
                throw TitleCertException.tooLarge("DOCUMENT_TOO_LARGE",
                        "文件超过 " + (max / (1024 * 1024)) + " MB 的大小限制");
            }
            return data;
        } catch (IOException e) {
            throw TitleCertException.invalid("UPLOAD_FAILED", "文件上传中断，请重试");
        }
    }

    /**
     * A PDF starts with its header and ends with an end-of-file marker (allowing trailing whitespace).
     *
     * @param what the document, as messages name it (批复文件, 证明材料)
     */
    public static void check(byte[] data, String what) {
        if (data.length == 0) {
            throw TitleCertException.invalid("DOCUMENT_EMPTY", "文件为空");
        }
        if (!startsWith(data, "%PDF-1.") && !startsWith(data, "%PDF-2.")) {
            throw TitleCertException.unsupported("DOCUMENT_NOT_PDF", what + "必须是 PDF 文件");
        }
        int tail = Math.max(0, data.length - 1024);
        String end = new String(data, tail, data.length - tail, StandardCharsets.ISO_8859_1);
        if (!end.contains("%%EOF")) {
            throw TitleCertException.invalid("DOCUMENT_TRUNCATED", "PDF 文件不完整，请重新上传");
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (data.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (data[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last path element, without control characters, at most 200 characters. */
    public static String safeFilename(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            return fallback;
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
