package org.titlecert.certificate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A checked selection of certificates, ready to be written as a ZIP: one PDF per certificate named by
 * certificate number and name, and {@code manifest.csv} (number, name, masked ID number, SHA-256).
 */
public interface CertificateExport {

    String fileName();

    int count();

    /** Streams the ZIP with constant memory; entries are STORED, since PDFs do not compress further. */
    void writeTo(OutputStream out) throws IOException;

    /** As {@link #writeTo(OutputStream)}, telling {@code written} how many certificates are in after each one. */
    default void writeTo(OutputStream out, java.util.function.IntConsumer written) throws IOException {
        writeTo(out);
    }
}
