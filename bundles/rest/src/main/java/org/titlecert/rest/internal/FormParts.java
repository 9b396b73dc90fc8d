package org.titlecert.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.certificate.CorrectionReason;

/**
 * The parts of a multipart form: text read as UTF-8 whatever the part says (browsers and generated clients send
 * none), typed values with the API's Chinese 400 errors, and file parts as streams.
 */
final class FormParts {

    private static final int MAX_TEXT = 4096;

    private final MultipartBody form;

    FormParts(MultipartBody form) {
        if (form == null) {
            throw TitleCertException.invalid("FORM_REQUIRED", "请以 multipart/form-data 表单提交");
        }
        this.form = form;
    }

    /** The part's text, stripped; {@code null} if absent or blank. */
    String text(String name) {
        Attachment a = form.getAttachment(name);
        if (a == null) {
            return null;
        }
        try (InputStream in = a.getDataHandler().getInputStream()) {
            byte[] b = in.readNBytes(MAX_TEXT + 1);
            if (b.length > MAX_TEXT) {
                throw invalid(name, "内容过长");
            }
            String s = new String(b, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            throw TitleCertException.invalid("UPLOAD_FAILED", "上传中断，请重试");
        }
    }

    LocalDate date(String name) {
        String s = text(name);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(name, "日期格式应为 yyyy-mm-dd");
        }
    }

    CorrectionReason reason(String name) {
        String s = text(name);
        return s == null ? null : CorrectionReason.of(s).orElseThrow(() -> invalid(name, "不是可选的更正原因"));
    }

    /** The file part's content, for the service to read within its own limit; {@code null} if absent. */
    InputStream file(String name) {
        Attachment a = form.getAttachment(name);
        if (a == null) {
            return null;
        }
        try {
            return a.getDataHandler().getInputStream();
        } catch (IOException e) {
            throw TitleCertException.invalid("UPLOAD_FAILED", "上传中断，请重试");
        }
    }

    /** The file part's name: browsers and clients send it as raw UTF-8, which the parser reads as Latin-1. */
    String fileName(String name) {
        Attachment a = form.getAttachment(name);
        String n = a == null || a.getContentDisposition() == null ? null : a.getContentDisposition().getFilename();
        if (n == null || n.chars().anyMatch(c -> c > 0xFF)) {
            return n;
        }
        byte[] raw = n.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return n; // truly Latin-1
        }
    }

    private static TitleCertException invalid(String field, String reason) {
        return TitleCertException.invalid("INVALID_PARAMETER", field + "：" + reason,
                java.util.List.of(Violation.field(field, reason)));
    }
}
