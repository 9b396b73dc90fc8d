package org.titlecert.certificate;

import java.io.IOException;
import java.io.InputStream;

/** The current PDF of a certificate. */
public interface CertificateFile {

    /** A file name made of the certificate number and the holder's name, e.g. {@code 342021AHKJ00001_张三.pdf}. */
    String fileName();

    long size();

    String sha256();

    int version();

    /** The PDF; the caller closes the stream. */
    InputStream open() throws IOException;
}
