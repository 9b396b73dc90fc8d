package org.titlecert.certificate.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

import org.titlecert.api.ResidentId;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.RevocationReason;
import org.titlecert.certificate.SealStatus;
import org.titlecert.certificate.Validity;
import org.titlecert.certificate.Verification;
import org.titlecert.filing.PersonTitle;

/**
 * One certificate per roster entry of an approved filing. The generation queue is the rows in status
 * QUEUED: {@code requested} counts the requests to (re)generate, and a render only becomes current if
 * no newer request came in meanwhile. What the public page shows is copied in at creation and again when a
 * correction (更正) is approved; {@code changeReason} says why the next version is made.
 */
@Entity
@Table(name = "TC_CERTIFICATE", uniqueConstraints = {
        @UniqueConstraint(name = "TC_CERT_ENTRY", columnNames = "ROSTER_ENTRY_ID"),
        @UniqueConstraint(name = "TC_CERT_NUMBER", columnNames = "CERT_NUMBER"),
        @UniqueConstraint(name = "TC_CERT_TOKEN", columnNames = "TOKEN")},
        indexes = {
                @Index(name = "TC_CERT_FILING", columnList = "FILING_ID,CERT_NUMBER"),
                @Index(name = "TC_CERT_PERSON", columnList = "PERSON_ID"),
                @Index(name = "TC_CERT_QUEUE", columnList = "STATUS,QUEUED_AT")})
public class CertificateEntity {

    @Id
    @TableGenerator(name = "certIds", table = "TC_CERT_SEQ", pkColumnValue = "CERTIFICATE", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "certIds")
    private long id;

    @Column(name = "ROSTER_ENTRY_ID", nullable = false)
    private long rosterEntryId;

    @Column(name = "FILING_ID", nullable = false)
    private long filingId;

    @Column(name = "PERSON_ID", nullable = false)
    private long personId;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(nullable = false, length = 12)
    private String region;

    @Column(name = "CERT_NUMBER", nullable = false, length = 64)
    private String number;

    @Column(name = "TOKEN", nullable = false, length = 32)
    private String token;

    @Column(name = "PERSON_NAME", nullable = false, length = 100)
    private String personName;

    @Column(name = "MASKED_ID", nullable = false, length = 18)
    private String maskedId;

    @Column(length = 100)
    private String series;

    @Column(length = 100)
    private String specialty;

    @Column(name = "TITLE_NAME", length = 100)
    private String titleName;

    @Column(name = "TITLE_LEVEL", length = 20)
    private String level;

    @Column(name = "COMMITTEE_NAME", length = 200)
    private String committee;

    @Column(name = "COMMITTEE_CODE", length = 64)
    private String committeeCode;

    @Column(name = "AUTHORITY_CODE", length = 64)
    private String authorityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "SEAL_STATUS", length = 10)
    private SealStatus sealStatus;

    /** The provider id and revision that sealed the current PDF for the committee; null if unsealed. */
    @Column(name = "COMMITTEE_SEAL", length = 300)
    private String committeeSeal;

    @Column(name = "AUTHORITY_SEAL", length = 300)
    private String authoritySeal;

    @Column(name = "AUTHORITY_NAME", length = 200)
    private String authority;

    @Column(name = "ISSUE_DATE")
    private LocalDate issueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GenerationStatus status;

    @Column(name = "FAILURE", length = 500)
    private String failure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Validity validity = Validity.VALID;

    @Column(name = "REVOKED_REASON", length = 500)
    private String revokedReason;

    @Column(name = "REVOKED_NOTE", length = 500)
    private String revokedNote;

    @Column(name = "REVOKED_AT")
    private LocalDateTime revokedAt;

    @Column(name = "REVOKED_BY", length = 100)
    private String revokedBy;

    /** {@link Revocations#ONE} or {@link Revocations#FILING}: what reinstating the filing gives back. */
    @Column(name = "REVOKED_SCOPE", length = 12)
    private String revokedScope;

    @Column(name = "VERSION_NO", nullable = false)
    private int version;

    /** How many corrections were approved: the roster entry is then read afresh for every render. */
    @Column(name = "CORRECTIONS", nullable = false)
    private int corrections;

    /** Why the pending request was made, when it is more than a render again (a {@link org.titlecert.certificate.VersionReason}). */
    @Column(name = "CHANGE_REASON", length = 12)
    private String changeReason;

    @Column(name = "CHANGE_CORRECTION")
    private Long changeCorrection;

    @Column(length = 64)
    private String sha256;

    @Column(name = "BYTE_SIZE", nullable = false)
    private long size;

    @Column(name = "CRC32", nullable = false)
    private long crc32;

    /** The current OFD, when the certificate's region issues OFD too; {@code null} otherwise. */
    @Column(name = "OFD_SHA256", length = 64)
    private String ofdSha256;

    /** The SM2 seal providers that sealed the current OFD, as {@link #getCommitteeSeal} for the PDF. */
    @Column(name = "OFD_COMMITTEE_SEAL", length = 300)
    private String ofdCommitteeSeal;

    @Column(name = "OFD_AUTHORITY_SEAL", length = 300)
    private String ofdAuthoritySeal;

    @Column(name = "OFD_SIZE", nullable = false)
    private long ofdSize;

    @Column(name = "OFD_CRC32", nullable = false)
    private long ofdCrc32;

    @Column(name = "GENERATED_AT")
    private LocalDateTime generatedAt;

    @Column(name = "TEMPLATE_ID", length = 100)
    private String templateId;

    /** The template id and revision that made the current PDF. */
    @Column(name = "TEMPLATE_KEY", length = 300)
    private String templateKey;

    @Column(nullable = false)
    private long requested;

    @Column(name = "QUEUED_AT")
    private LocalDateTime queuedAt;

    @Column(name = "CLAIMED_BY", length = 200)
    private String claimedBy;

    @Column(name = "CLAIMED_AT")
    private LocalDateTime claimedAt;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    public CertificateEntity() {
    }

    CertificateEntity(PersonTitle t, String region, String committeeCode, String authorityCode, String number,
                      String token, LocalDateTime now) {
        this.committeeCode = committeeCode;
        this.authorityCode = authorityCode;
        this.rosterEntryId = t.rosterEntryId();
        this.filingId = t.filingId();
        this.personId = t.personId();
        this.unitId = t.unit().id();
        this.region = region;
        this.number = number;
        this.token = token;
        this.personName = t.name();
        this.maskedId = ResidentId.mask(t.idNumber());
        this.series = t.series();
        this.specialty = t.specialty();
        this.titleName = t.titleName();
        this.level = t.level();
        this.committee = t.committee().name();
        this.authority = t.issuingAuthority().name();
        this.issueDate = t.issueDate();
        this.status = GenerationStatus.QUEUED;
        this.requested = 1;
        this.queuedAt = now;
        this.createdAt = now;
    }

    Certificate toDto(String verificationUrl) {
        return new Certificate(id, rosterEntryId, filingId, personId, personName, maskedId, titleName, level, number,
                status, failure,
                validity, publicReason(), revocationNote(), instant(revokedAt), version, sha256, size,
                instant(generatedAt), templateId,
                verificationUrl, sealStatus == null ? SealStatus.UNSEALED : sealStatus, ofdSha256, ofdSize);
    }

    Verification toVerification(java.util.List<org.titlecert.certificate.CertificateVersion> versions) {
        return new Verification(number, personName, maskedId, series, specialty, titleName, level, committee,
                authority, issueDate, validity, publicReason(), instant(revokedAt), version, sha256,
                instant(generatedAt), sealStatus == null ? SealStatus.UNSEALED : sealStatus, versions, ofdSha256);
    }

    /** The label of the fixed reason; records revoked before reasons were fixed show none publicly. */
    private String publicReason() {
        return RevocationReason.of(revokedReason).map(RevocationReason::label).orElse(null);
    }

    private String revocationNote() {
        return RevocationReason.of(revokedReason).isPresent() ? revokedNote : revokedReason;
    }

    void revoke(RevocationReason reason, String note, String by, LocalDateTime now) {
        validity = Validity.REVOKED;
        revokedReason = reason.name();
        revokedNote = note;
        revokedBy = by;
        revokedAt = now;
        revokedScope = Revocations.ONE;
    }

    private static java.time.Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    long getId() {
        return id;
    }

    long getRosterEntryId() {
        return rosterEntryId;
    }

    long getFilingId() {
        return filingId;
    }

    long getPersonId() {
        return personId;
    }

    long getUnitId() {
        return unitId;
    }

    String getCommitteeCode() {
        return committeeCode;
    }

    String getAuthorityCode() {
        return authorityCode;
    }

    String getRegion() {
        return region;
    }

    String getNumber() {
        return number;
    }

    String getToken() {
        return token;
    }

    String getPersonName() {
        return personName;
    }

    String getMaskedId() {
        return maskedId;
    }

    GenerationStatus getStatus() {
        return status;
    }

    String getFailure() {
        return failure;
    }

    Validity getValidity() {
        return validity;
    }

    int getVersion() {
        return version;
    }

    String getSha256() {
        return sha256;
    }

    long getSize() {
        return size;
    }

    long getCrc32() {
        return crc32;
    }

    String getOfdSha256() {
        return ofdSha256;
    }

    long getOfdSize() {
        return ofdSize;
    }

    long getOfdCrc32() {
        return ofdCrc32;
    }

    long getRequested() {
        return requested;
    }

    String getClaimedBy() {
        return claimedBy;
    }

    int getCorrections() {
        return corrections;
    }

    String getChangeReason() {
        return changeReason;
    }

    Long getChangeCorrection() {
        return changeCorrection;
    }
}
