package org.titlecert.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the public verification page shows: personal data masked.
 *
 * @param maskedIdNumber the ID number with only its first and last character in clear
 * @param status         有效 or 已撤销
 * @param version        the current version; earlier versions are superseded
 * @param sha256         of the current, genuine PDF; {@code null} where the certificate is issued as OFD only
 * @param sealStatus     whether the current PDF (the OFD, where there is no PDF) carries its e-seals
 * @param versions       every version, the first first, with its SHA-256, date and reason
 * @param ofdSha256      of the current, genuine OFD, where the certificate is issued as OFD; else {@code null}
 */
public record Verification(String certificateNumber, String name, String maskedIdNumber, String series,
                           String specialty, String titleName, String level, String committee,
                           String issuingAuthority, LocalDate issueDate, Validity status, String revokedReason,
                           Instant revokedAt, int version, String sha256, Instant generatedAt,
                           SealStatus sealStatus, java.util.List<CertificateVersion> versions, String ofdSha256) {

    /** A certificate issued as PDF only. */
    public Verification(String certificateNumber, String name, String maskedIdNumber, String series,
                        String specialty, String titleName, String level, String committee,
                        String issuingAuthority, LocalDate issueDate, Validity status, String revokedReason,
                        Instant revokedAt, int version, String sha256, Instant generatedAt,
                        SealStatus sealStatus, java.util.List<CertificateVersion> versions) {
        this(certificateNumber, name, maskedIdNumber, series, specialty, titleName, level, committee, issuingAuthority,
                issueDate, status, revokedReason, revokedAt, version, sha256, generatedAt, sealStatus, versions, null);
    }
}
