package org.titlecert.certificate.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** Every PDF (and OFD) a certificate has had, so that an older file is recognised as genuine but superseded. */
@Entity
@Table(name = "TC_CERT_VERSION", indexes = {
        @Index(name = "TC_CERT_VERSION_CERT", columnList = "CERTIFICATE_ID,VERSION_NO"),
        @Index(name = "TC_CERT_VERSION_SHA", columnList = "SHA256"),
        @Index(name = "TC_CERT_VERSION_CORRECTION", columnList = "CORRECTION_ID"),
        @Index(name = "TC_CERT_VERSION_OFD_SHA", columnList = "OFD_SHA256"),
        @Index(name = "TC_CERT_VERSION_VC_SHA", columnList = "CREDENTIAL_SHA256")})
public class CertificateVersionEntity {

    @Id
    @TableGenerator(name = "certVersionIds", table = "TC_CERT_SEQ", pkColumnValue = "VERSION", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "certVersionIds")
    private long id;

    @Column(name = "CERTIFICATE_ID", nullable = false)
    private long certificateId;

    @Column(name = "VERSION_NO", nullable = false)
    private int version;

    /** The PDF's; {@code null} where the region issues OFD only. */
    @Column(length = 64)
    private String sha256;

    @Column(name = "OFD_SHA256", length = 64)
    private String ofdSha256;

    /** The version's Verifiable Credential (compact JWS), if credentials were issued when it was made. */
    @Column(name = "CREDENTIAL", length = 16000)
    private String credential;

    @Column(name = "CREDENTIAL_SHA256", length = 64)
    private String credentialSha256;

    @Column(name = "TEMPLATE_KEY", length = 300)
    private String templateKey;

    /** The node that rendered it (its {@code nodeName}). */
    @Column(name = "NODE", length = 200)
    private String node;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    /** A {@link org.titlecert.certificate.VersionReason}; versions made before reasons were kept have none. */
    @Column(name = "REASON", length = 12)
    private String reason;

    @Column(name = "CORRECTION_ID")
    private Long correctionId;

    public CertificateVersionEntity() {
    }

    CertificateVersionEntity(long certificateId, int version, String sha256, String ofdSha256, String credential,
                             String templateKey, String node, LocalDateTime now, String reason, Long correctionId) {
        this.ofdSha256 = ofdSha256;
        this.credential = credential;
        this.credentialSha256 = credential == null ? null
                : org.titlecert.store.ContentStore.sha256(credential.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        this.reason = reason;
        this.correctionId = correctionId;
        this.certificateId = certificateId;
        this.version = version;
        this.sha256 = sha256;
        this.templateKey = templateKey;
        this.node = node;
        this.createdAt = now;
    }

    int getVersion() {
        return version;
    }

    String getSha256() {
        return sha256;
    }

    LocalDateTime getCreatedAt() {
        return createdAt;
    }

    String getReason() {
        return reason;
    }

    Long getCorrectionId() {
        return correctionId;
    }
}
