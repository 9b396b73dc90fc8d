package org.titlecert.webui.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;

import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;

/** The file and typed fields of the admin pages' multipart forms, with Chinese errors. */
final class FormUploads {

    private FormUploads() {
    }

    /**
     * The named file part, within the configured upload limit (at most the container's bound).
     *
     * @throws TitleCertException {@code FILE_REQUIRED} if none was chosen, {@code PAYLOAD_TOO_LARGE} past the limit
     */
    static Part part(HttpServletRequest req, String name, int configuredMb) throws IOException, ServletException {
        long maxMb = Math.min(configuredMb, FilingAdminServlet.MAX_UPLOAD / (1024 * 1024));
        TitleCertException tooLarge = TitleCertException.tooLarge("PAYLOAD_TOO_LARGE",
                "文件超过 " + maxMb + " MB 的大小限制");
        Part part;
        try {
            part = req.getPart(name);
        } catch (IllegalStateException e) {
            throw tooLarge;
        }
        if (part == null || part.getSize() == 0) {
            throw TitleCertException.invalid("FILE_REQUIRED", "请选择要上传的文件");
        }
        if (part.getSize() > maxMb * 1024 * 1024) {
            part.delete();
            throw tooLarge;
        }
        return part;
    }

    /** A yyyy-mm-dd field; {@code null} if blank. */
    static LocalDate date(String value, String label) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw TitleCertException.invalid("INVALID_PARAMETER", label + "格式应为 yyyy-mm-dd",
                    List.of(Violation.field(label, "格式应为 yyyy-mm-dd")));
        }
    }
}
