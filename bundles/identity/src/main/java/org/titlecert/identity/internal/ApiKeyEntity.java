package org.titlecert.identity.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.identity.ApiKey;

/** An API key, stored as the SHA-256 of the key: keys are long random secrets, so a fast hash suffices. */
@Entity
@Table(name = "TC_API_KEY")
public class ApiKeyEntity {

    @Id
    @TableGenerator(name = "apiKeyIds", table = "TC_IDENTITY_SEQ", pkColumnValue = "API_KEY", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "apiKeyIds")
    private long id;

    @Column(name = "KEY_HASH", nullable = false, unique = true, length = 64)
    private String keyHash;

    @Column(nullable = false, length = 12)
    private String prefix;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(name = "UNIT_ID")
    private Long unitId;

    /** The 查验单位 a verifier's own key acts for; null for unit and system keys. */
    @Column(name = "VERIFIER_ID")
    private Long verifierId;

    @Column(nullable = false, length = 300)
    private String scopes;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "LAST_USED_AT")
    private LocalDateTime lastUsedAt;

    @Column(name = "REVOKED_AT")
    private LocalDateTime revokedAt;

    public ApiKeyEntity() {
    }

    ApiKeyEntity(String keyHash, String prefix, String label, Long unitId, Set<String> scopes, LocalDateTime now) {
        this.keyHash = keyHash;
        this.prefix = prefix;
        this.label = label;
        this.unitId = unitId;
        this.scopes = String.join(" ", new TreeSet<>(scopes));
        this.createdAt = now;
    }

    long getId() { return id; }
    Long getUnitId() { return unitId; }
    String getLabel() { return label; }
    LocalDateTime getRevokedAt() { return revokedAt; }
    void setRevokedAt(LocalDateTime t) { this.revokedAt = t; }
    LocalDateTime getLastUsedAt() { return lastUsedAt; }
    void setLastUsedAt(LocalDateTime t) { this.lastUsedAt = t; }

    Long getVerifierId() { return verifierId; }
    void setVerifierId(Long verifierId) { this.verifierId = verifierId; }

    Set<String> scopeSet() {
        return scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
    }

    ApiKey toDto() {
        return new ApiKey(id, label, prefix, unitId, scopeSet(), createdAt.toInstant(ZoneOffset.UTC),
                lastUsedAt == null ? null : lastUsedAt.toInstant(ZoneOffset.UTC),
                revokedAt == null ? null : revokedAt.toInstant(ZoneOffset.UTC));
    }
}
