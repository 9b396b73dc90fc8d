package org.titlecert.filing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.titlecert.api.TitleCertException;

class PdfTest {

    @Test
    void acceptsAPdfAndRefusesOtherContentWhateverItsName() {
        Pdf.check("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Pdf.check("<html>".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("DOCUMENT_NOT_PDF");
        assertThatThrownBy(() -> Pdf.check("%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("DOCUMENT_TRUNCATED");
        assertThatThrownBy(() -> Pdf.check(new byte[0]))
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("DOCUMENT_EMPTY");
    }

    @Test
    void readsNoMoreThanTheLimitPlusOne() {
        byte[] big = new byte[1025];
        assertThat(Pdf.readBounded(new ByteArrayInputStream(big, 0, 1024), 1024)).hasSize(1024);
        assertThatThrownBy(() -> Pdf.readBounded(new ByteArrayInputStream(big), 1024))
                .extracting(e -> ((TitleCertException) e).kind()).isEqualTo(TitleCertException.Kind.TOO_LARGE);
    }

    @Test
    void keepsOnlyASafeBaseName() {
        assertThat(Pdf.safeFilename("C:\\docs\\批复\r\n.pdf", "x.pdf")).isEqualTo("批复.pdf");
        assertThat(Pdf.safeFilename("../../etc/passwd", "x.pdf")).isEqualTo("passwd");
        assertThat(Pdf.safeFilename(null, "x.pdf")).isEqualTo("x.pdf");
    }
}
