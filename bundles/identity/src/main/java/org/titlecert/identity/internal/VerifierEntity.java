package org.titlecert.identity.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.identity.Verifier;
import org.titlecert.identity.VerifierStatus;

/** A 查验单位 and where its application stands; its account is in {@code TC_ACCOUNT}. */
@Entity
@Table(name = "TC_VERIFIER")
public class VerifierEntity {

    @Id
    @TableGenerator(name = "verifierIds", table = "TC_IDENTITY_SEQ", pkColumnValue = "VERIFIER", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "verifierIds")
    private long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "CREDIT_CODE", nullable = false, length = 18)
    private String creditCode;

    @Column(name = "CONTACT_NAME", nullable = false, length = 50)
    private String contactName;

    @Column(name = "CONTACT_MOBILE", nullable = false, length = 11)
    private String contactMobile;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private VerifierStatus status;

    @Column(name = "APPLIED_AT", nullable = false)
    private LocalDateTime appliedAt;

    @Column(name = "DECIDED_AT")
    private LocalDateTime decidedAt;

    @Column(name = "DECIDED_BY", length = 64)
    private String decidedBy;

    @Column(length = 200)
    private String reason;

    public VerifierEntity() {
    }

    VerifierEntity(String name, String creditCode, String contactName, String contactMobile, LocalDateTime now) {
        this.name = name;
        this.creditCode = creditCode;
        this.contactName = contactName;
        this.contactMobile = contactMobile;
        this.status = VerifierStatus.PENDING;
        this.appliedAt = now;
    }

    long getId() { return id; }
    String getName() { return name; }
    long getAccountId() { return accountId; }
    void setAccountId(long accountId) { this.accountId = accountId; }
    VerifierStatus getStatus() { return status; }
    String getReason() { return reason; }

    void decide(VerifierStatus to, String by, String why, LocalDateTime now) {
        status = to;
        decidedBy = by;
        reason = why;
        decidedAt = now;
    }

    Verifier toDto(String login) {
        return new Verifier(id, name, creditCode, contactName, contactMobile, login, status,
                appliedAt.toInstant(ZoneOffset.UTC), decidedAt == null ? null : decidedAt.toInstant(ZoneOffset.UTC),
                decidedBy, reason);
    }
}
