package org.titlecert.verification.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.verification.ShareCode;

/** A holder's share code, kept as the SHA-256 of the code. Times are UTC. */
@Entity
@Table(name = "TC_SHARE_CODE", indexes = @Index(name = "TC_SHARE_CODE_BY_PERSON", columnList = "PERSON_ID,CREATED_AT"))
public class ShareCodeEntity {

    @Id
    @TableGenerator(name = "shareCodeIds", table = "TC_VERIFICATION_SEQ", pkColumnValue = "SHARE_CODE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "shareCodeIds")
    private long id;

    @Column(name = "CODE_HASH", nullable = false, length = 64, unique = true)
    private String codeHash;

    @Column(name = "HINT", nullable = false, length = 8)
    private String hint;

    @Column(name = "PERSON_ID", nullable = false)
    private long personId;

    @Column(name = "UNIT_ID")
    private Long unitId;

    @Column(name = "PRINCIPAL", nullable = false, length = 100)
    private String principal;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "WITHDRAWN_AT")
    private LocalDateTime withdrawnAt;

    @Column(name = "USES", nullable = false)
    private int uses;

    @Column(name = "LAST_USED_AT")
    private LocalDateTime lastUsedAt;

    /** The one 查验单位 the holder made the code for, and its name then; null: anyone holding the code. */
    @Column(name = "VERIFIER_ID")
    private Long verifierId;

    @Column(name = "VERIFIER_NAME", length = 100)
    private String verifierName;

    public ShareCodeEntity() {
    }

    ShareCodeEntity(String codeHash, String hint, Caller holder, Instant now, Instant expiresAt,
                    org.titlecert.identity.Verifier verifier) {
        this.verifierId = verifier == null ? null : verifier.id();
        this.verifierName = verifier == null ? null : verifier.name();
        this.codeHash = codeHash;
        this.hint = hint;
        this.personId = holder.personId();
        this.unitId = holder.unitId();
        this.principal = holder.principal();
        this.createdAt = utc(now);
        this.expiresAt = utc(expiresAt);
    }

    long getId() {
        return id;
    }

    long getPersonId() {
        return personId;
    }

    /** True if the verifier with this id (null: not a verifier) may use the code. */
    boolean openTo(Long verifier) {
        return verifierId == null || verifierId.equals(verifier);
    }

    /** The holder as they were when they made the code: what the code may read is what they could. */
    Caller holder(String address) {
        return new Caller(principal, Role.INDIVIDUAL, unitId, personId, java.util.Set.of(), address);
    }

    ShareCode.Status status(Instant now) {
        return ShareCodes.status(withdrawnAt != null, expiresAt.toInstant(ZoneOffset.UTC), now);
    }

    void withdraw(Instant now) {
        if (withdrawnAt == null) {
            withdrawnAt = utc(now);
        }
    }

    void used(Instant now) {
        uses++;
        lastUsedAt = utc(now);
    }

    ShareCode toShareCode(Instant now) {
        return new ShareCode(id, hint, createdAt.toInstant(ZoneOffset.UTC), expiresAt.toInstant(ZoneOffset.UTC),
                withdrawnAt == null ? null : withdrawnAt.toInstant(ZoneOffset.UTC), uses,
                lastUsedAt == null ? null : lastUsedAt.toInstant(ZoneOffset.UTC), status(now), verifierName);
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
