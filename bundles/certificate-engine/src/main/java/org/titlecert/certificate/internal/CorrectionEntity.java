package org.titlecert.certificate.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

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

import org.titlecert.certificate.Correction;
import org.titlecert.certificate.CorrectionReason;
import org.titlecert.certificate.CorrectionStatus;
import org.titlecert.certificate.FieldChange;

/** A correction (更正) asked for on a certificate, its evidence, and the decision on it. */
@Entity
@Table(name = "TC_CORRECTION", indexes = {
        @Index(name = "TC_CORRECTION_CERT", columnList = "CERTIFICATE_ID"),
        @Index(name = "TC_CORRECTION_STATUS", columnList = "STATUS,REQUESTED_AT")})
public class CorrectionEntity {

    @Id
    @TableGenerator(name = "correctionIds", table = "TC_CERT_SEQ", pkColumnValue = "CORRECTION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "correctionIds")
    private long id;

    @Column(name = "CERTIFICATE_ID", nullable = false)
    private long certificateId;

    @Column(name = "ROSTER_ENTRY_ID", nullable = false)
    private long rosterEntryId;

    @Column(name = "FILING_ID", nullable = false)
    private long filingId;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(name = "CERT_NUMBER", nullable = false, length = 64)
    private String number;

    @Column(name = "PERSON_NAME", nullable = false, length = 100)
    private String personName;

    @Column(name = "REASON", nullable = false, length = 24)
    private String reason;

    @Column(name = "DETAIL", length = 500)
    private String detail;

    @Column(name = "EVIDENCE_SHA256", length = 64)
    private String evidenceSha256;

    @Column(name = "EVIDENCE_NAME", length = 200)
    private String evidenceName;

    @Column(name = "EVIDENCE_SIZE", nullable = false)
    private long evidenceSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 10)
    private CorrectionStatus status;

    @Column(name = "REQUESTED_BY", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "REQUESTED_AT", nullable = false)
    private LocalDateTime requestedAt;

    @Column(name = "DECIDED_BY", length = 100)
    private String decidedBy;

    @Column(name = "DECIDED_AT")
    private LocalDateTime decidedAt;

    @Column(name = "DECISION_NOTE", length = 500)
    private String decisionNote;

    public CorrectionEntity() {
    }

    CorrectionEntity(CertificateEntity c, CorrectionReason reason, String detail, String by, LocalDateTime now) {
        this.certificateId = c.getId();
        this.rosterEntryId = c.getRosterEntryId();
        this.filingId = c.getFilingId();
        this.unitId = c.getUnitId();
        this.number = c.getNumber();
        this.personName = c.getPersonName();
        this.reason = reason.name();
        this.detail = detail;
        this.status = CorrectionStatus.PENDING;
        this.requestedBy = by;
        this.requestedAt = now;
    }

    void setEvidence(String sha256, String name, long size) {
        this.evidenceSha256 = sha256;
        this.evidenceName = name;
        this.evidenceSize = size;
    }

    Correction toDto(List<FieldChange> changes, int version) {
        return new Correction(id, certificateId, number, filingId, personName, CorrectionReason.valueOf(reason),
                detail, changes, evidenceName, evidenceSize, status, requestedBy, requestedAt.toInstant(ZoneOffset.UTC),
                decidedBy, decidedAt == null ? null : decidedAt.toInstant(ZoneOffset.UTC), decisionNote, version);
    }

    long getId() {
        return id;
    }

    long getCertificateId() {
        return certificateId;
    }

    long getRosterEntryId() {
        return rosterEntryId;
    }

    long getUnitId() {
        return unitId;
    }

    String getNumber() {
        return number;
    }

    CorrectionReason getReason() {
        return CorrectionReason.valueOf(reason);
    }

    String getEvidenceSha256() {
        return evidenceSha256;
    }

    String getEvidenceName() {
        return evidenceName;
    }

    long getEvidenceSize() {
        return evidenceSize;
    }

    CorrectionStatus getStatus() {
        return status;
    }
}
