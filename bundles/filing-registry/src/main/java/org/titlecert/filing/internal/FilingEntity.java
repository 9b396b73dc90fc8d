package org.titlecert.filing.internal;

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
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.titlecert.filing.DocumentInfo;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.FilingType;

/** An approval filing (批复备案). Timestamps are UTC. */
@Entity
@Table(name = "TC_FILING", indexes = {
        @Index(name = "TC_FILING_YEAR", columnList = "FILING_YEAR"),
        @Index(name = "TC_FILING_STATUS", columnList = "STATUS"),
        @Index(name = "TC_FILING_UNIT", columnList = "UNIT_ID,FILING_YEAR"),
        // the list's default order, read from the index alone: a page of a unit's thousand filings sorts no rows
        @Index(name = "TC_FILING_UNIT_ORDER", columnList = "UNIT_ID,FILING_YEAR,ID"),
        @Index(name = "TC_FILING_ORDER", columnList = "FILING_YEAR,ID")})
public class FilingEntity {

    @Id
    @TableGenerator(name = "filingIds", table = "TC_FILING_SEQ", pkColumnValue = "FILING", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "filingIds")
    private long id;

    @Version
    private int version;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "APPROVAL_NUMBER", nullable = false, unique = true, length = 100)
    private String approvalNumber;

    @Column(name = "FILING_YEAR", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FilingType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FilingStatus status;

    @ManyToOne(optional = false)
    @JoinColumn(name = "UNIT_ID")
    private UnitEntity unit;

    @ManyToOne(optional = false)
    @JoinColumn(name = "COMMITTEE_ID")
    private CommitteeEntity committee;

    @ManyToOne(optional = false)
    @JoinColumn(name = "AUTHORITY_ID")
    private AuthorityEntity authority;

    @Column(name = "DOC_FILENAME", length = 200)
    private String docFilename;

    @Column(name = "DOC_SHA256", length = 64)
    private String docSha256;

    @Column(name = "DOC_SIZE")
    private long docSize;

    @Column(name = "DOC_UPLOADED_AT")
    private LocalDateTime docUploadedAt;

    @Column(name = "DECISION_NOTE", length = 500)
    private String decisionNote;

    @Column(name = "APPROVAL_DATE")
    private java.time.LocalDate approvalDate;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "DECIDED_AT")
    private LocalDateTime decidedAt;

    /**
     * The roster's length, kept with each import so that a list of filings reads no roster rows. Null only on rows
     * written before the column existed, until the registry's start counts them.
     */
    @Column(name = "ROSTER_SIZE")
    private Integer rosterSize;

    public FilingEntity() {
    }

    FilingEntity(LocalDateTime now) {
        this.status = FilingStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        this.rosterSize = 0;
    }

    long getId() {
        return id;
    }

    FilingStatus getStatus() {
        return status;
    }

    UnitEntity getUnit() {
        return unit;
    }

    String docSha256() {
        return docSha256;
    }

    boolean hasApprovalDocument() {
        return docSha256 != null;
    }

    void setDetails(String name, String approvalNumber, int year, FilingType type, CommitteeEntity committee,
                    AuthorityEntity authority) {
        this.name = name;
        this.approvalNumber = approvalNumber;
        this.year = year;
        this.type = type;
        this.committee = committee;
        this.unit = committee.getUnit();
        this.authority = authority;
    }

    void setApprovalDocument(String filename, String sha256, long size, LocalDateTime at) {
        this.docFilename = filename;
        this.docSha256 = sha256;
        this.docSize = size;
        this.docUploadedAt = at;
    }

    void decide(FilingStatus decision, String note, java.time.LocalDate approvalDate, LocalDateTime at) {
        this.status = decision;
        this.decisionNote = note;
        this.approvalDate = approvalDate;
        this.decidedAt = at;
    }

    void touch(LocalDateTime now) {
        this.updatedAt = now;
    }

    Integer rosterSize() {
        return rosterSize;
    }

    void rosterSize(int size) {
        this.rosterSize = size;
    }

    /** The date of the approval document, printed on certificates as 发证日期. */
    java.time.LocalDate issueDate() {
        return approvalDate;
    }

    DocumentInfo documentInfo() {
        return docSha256 == null ? null
                : new DocumentInfo(docFilename, docSha256, docSize, docUploadedAt.toInstant(ZoneOffset.UTC));
    }

    Filing toDto(long rosterSize) {
        return new Filing(id, name, approvalNumber, year, type, status, unit.toDto().ref(), committee.toDto().ref(),
                authority.toDto().ref(), documentInfo(), rosterSize, decisionNote, approvalDate,
                createdAt.toInstant(ZoneOffset.UTC), updatedAt.toInstant(ZoneOffset.UTC),
                decidedAt == null ? null : decidedAt.toInstant(ZoneOffset.UTC));
    }
}
