package org.titlecert.identity.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A live session; only the SHA-256 of its token is stored, so a database dump cannot be replayed. */
@Entity
@Table(name = "TC_SESSION", indexes = @Index(name = "TC_SESSION_ACCOUNT", columnList = "ACCOUNT_ID"))
public class SessionEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(nullable = false, length = 64)
    private String csrf;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private LocalDateTime lastSeenAt;

    @Column(length = 64)
    private String address;

    public SessionEntity() {
    }

    SessionEntity(String tokenHash, long accountId, String csrf, LocalDateTime now, String address) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.csrf = csrf;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.address = address;
    }

    long getAccountId() { return accountId; }
    String getCsrf() { return csrf; }
    LocalDateTime getCreatedAt() { return createdAt; }
    LocalDateTime getLastSeenAt() { return lastSeenAt; }
    void setLastSeenAt(LocalDateTime t) { this.lastSeenAt = t; }
}
