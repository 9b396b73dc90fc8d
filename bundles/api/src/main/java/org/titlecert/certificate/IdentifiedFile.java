package org.titlecert.certificate;

/**
 * A PDF recognised, by its SHA-256, as a version this platform issued of a certificate.
 *
 * @param verification the certificate's public, masked record
 * @param check        which version the file is, the current one, and its seals checked one by one
 */
public record IdentifiedFile(Verification verification, PdfCheck check) {
}
