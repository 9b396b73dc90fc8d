package org.titlecert.certificate;

import java.time.Instant;

/**
 * A certificate record: one per roster entry of an approved filing.
 *
 * @param maskedIdNumber  the holder's ID number with all but the first and last character hidden
 * @param failureReason   why generation failed or has not happened, in Chinese; {@code null} when generated
 * @param version         1 for the first PDF, one more for each regeneration; 0 before the first
 * @param sha256          of the current PDF, {@code null} before the first or where the region issues OFD only
 * @param verificationUrl what the certificate's QR code encodes
 * @param sealStatus      whether the current PDF carries the committee's and the issuing authority's e-seals
 * @param revokedReason   the public reason, from {@link RevocationReason}'s labels
 * @param revocationNote  the revoker's own explanation: internal, never shown publicly
 * @param ofdSha256       of the current OFD, when the certificate's region issues OFD; {@code null} otherwise
 * @param ofdSize         of the current OFD in bytes, 0 when there is none
 */
public record Certificate(long id, long rosterEntryId, long filingId, long personId, String personName,
                          String maskedIdNumber, String titleName, String level, String certificateNumber,
                          GenerationStatus status,
                          String failureReason, Validity validity, String revokedReason, String revocationNote,
                          Instant revokedAt,
                          int version, String sha256, long size, Instant generatedAt, String templateId,
                          String verificationUrl, SealStatus sealStatus, String ofdSha256, long ofdSize) {

    /** A certificate issued as PDF only. */
    public Certificate(long id, long rosterEntryId, long filingId, long personId, String personName,
                       String maskedIdNumber, String titleName, String level, String certificateNumber,
                       GenerationStatus status, String failureReason, Validity validity, String revokedReason,
                       String revocationNote, Instant revokedAt, int version, String sha256, long size,
                       Instant generatedAt, String templateId, String verificationUrl, SealStatus sealStatus) {
        this(id, rosterEntryId, filingId, personId, personName, maskedIdNumber, titleName, level, certificateNumber,
                status, failureReason, validity, revokedReason, revocationNote, revokedAt, version, sha256, size,
                generatedAt, templateId, verificationUrl, sealStatus, null, 0);
    }

    /** Whether the certificate has a PDF (not where its region issues OFD only). */
    public boolean hasPdf() {
        return sha256 != null;
    }

    /** Whether the certificate has an OFD. */
    public boolean hasOfd() {
        return ofdSha256 != null;
    }
}
