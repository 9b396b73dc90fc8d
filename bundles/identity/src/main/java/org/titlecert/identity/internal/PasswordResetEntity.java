package org.titlecert.identity.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A single-use password-reset link, by the SHA-256 of its token. */
@Entity
@Table(name = "TC_PASSWORD_RESET", indexes = @Index(name = "TC_PASSWORD_RESET_ACCOUNT", columnList = "ACCOUNT_ID,CREATED_AT"))
public class PasswordResetEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "USED_AT")
    private LocalDateTime usedAt;

    public PasswordResetEntity() {
    }

    PasswordResetEntity(String tokenHash, long accountId, LocalDateTime now, LocalDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    long getAccountId() {
        return accountId;
    }

    boolean usableAt(LocalDateTime now) {
        return ResetLinks.open(usedAt, expiresAt, now);
    }
}
