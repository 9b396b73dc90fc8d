package org.titlecert.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PdfUploadTest {

    @Test
    void acceptsAPdfAndRefusesOtherContentWhateverItsName() {
        PdfUpload.check("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), "批复文件");
        assertThatThrownBy(() -> PdfUpload.check("<html>".getBytes(StandardCharsets.UTF_8), "批复文件"))
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("DOCUMENT_NOT_PDF");
        assertThatThrownBy(() -> PdfUpload.check("%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.UTF_8), "批复文件"))
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("DOCUMENT_TRUNCATED");
        assertThatThrownBy(() -> PdfUpload.check(new byte[0], "证明材料"))
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("DOCUMENT_EMPTY");
    }

    @Test
    void readsNoMoreThanTheLimitPlusOne() {
        byte[] big = new byte[1025];
        assertThat(PdfUpload.readBounded(new ByteArrayInputStream(big, 0, 1024), 1024)).hasSize(1024);
        assertThatThrownBy(() -> PdfUpload.readBounded(new ByteArrayInputStream(big), 1024))
                .extracting(e -> ((TitleCertException) e).kind()).isEqualTo(TitleCertException.Kind.TOO_LARGE);
    }

    @Test
    void keepsOnlyASafeBaseName() {
        assertThat(PdfUpload.safeFilename("C:\\docs\\批复\r\n.pdf", "x.pdf")).isEqualTo("批复.pdf");
        assertThat(PdfUpload.safeFilename("../../etc/passwd", "x.pdf")).isEqualTo("passwd");
        assertThat(PdfUpload.safeFilename(null, "x.pdf")).isEqualTo("x.pdf");
    }
}
