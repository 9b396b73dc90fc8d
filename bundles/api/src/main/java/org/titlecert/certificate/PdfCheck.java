package org.titlecert.certificate;

/**
 * Whether an uploaded PDF is a genuine version of a certificate.
 *
 * @param outcome        current, an earlier (superseded) version, or not made by this platform
 * @param matchedVersion the version the file is, 0 when it is none
 * @param currentVersion the certificate's current version
 * @param seals          the file's seals checked one by one: signer, time, intact, trusted
 * @param corrected      whether the certificate was corrected (更正) since the matched version
 */
public record PdfCheck(Outcome outcome, int matchedVersion, int currentVersion, org.titlecert.seal.SealReport seals,
                       boolean corrected) {

    public enum Outcome {
        /** Byte for byte the current version. */
        CURRENT,
        /** An earlier version, since replaced. */
        SUPERSEDED,
        /** Not a file this platform issued for the certificate. */
        NOT_GENUINE
    }
}
