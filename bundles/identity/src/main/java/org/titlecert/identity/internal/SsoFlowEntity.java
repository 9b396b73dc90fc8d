package org.titlecert.identity.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A government SSO login under way: what the callback must match. Used once. */
@Entity
@Table(name = "TC_SSO_FLOW")
public class SsoFlowEntity {

    @Id
    @Column(name = "STATE_HASH", length = 64)
    private String stateHash;

    @Column(name = "BINDING_HASH", nullable = false, length = 64)
    private String bindingHash;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Column(name = "CODE_VERIFIER", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    public SsoFlowEntity() {
    }

    SsoFlowEntity(String stateHash, String bindingHash, String nonce, String codeVerifier, LocalDateTime now) {
        this.stateHash = stateHash;
        this.bindingHash = bindingHash;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.createdAt = now;
    }

    String getBindingHash() { return bindingHash; }
    String getNonce() { return nonce; }
    String getCodeVerifier() { return codeVerifier; }
    LocalDateTime getCreatedAt() { return createdAt; }
}
