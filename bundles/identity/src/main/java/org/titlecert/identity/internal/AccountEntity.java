package org.titlecert.identity.internal;

import java.time.LocalDateTime;

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

import org.titlecert.api.Role;

/**
 * An account: an admin (login name) or an individual (login = ID number, or mobile). Individuals
 * signed in through the government SSO carry the provider's subject; their ID number is verified.
 */
@Entity
@Table(name = "TC_ACCOUNT", indexes = {
        @Index(name = "TC_ACCOUNT_MOBILE", columnList = "MOBILE"),
        @Index(name = "TC_ACCOUNT_SSO", columnList = "SSO_SUBJECT"),
        @Index(name = "TC_ACCOUNT_PERSON", columnList = "PERSON_ID")})
public class AccountEntity {

    @Id
    @TableGenerator(name = "accountIds", table = "TC_IDENTITY_SEQ", pkColumnValue = "ACCOUNT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "accountIds")
    private long id;

    @Column(nullable = false, unique = true, length = 64)
    private String login;

    /** Unique when present: checked in the same transaction that sets it (Derby unique columns cannot be null). */
    @Column(length = 11)
    private String mobile;

    @Column(name = "DISPLAY_NAME", length = 50)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "UNIT_ID")
    private Long unitId;

    @Column(name = "PERSON_ID")
    private Long personId;

    /** The 查验单位 a {@link Role#VERIFIER} account logs in for. */
    @Column(name = "VERIFIER_ID")
    private Long verifierId;

    @Column(name = "ID_VERIFIED", nullable = false)
    private boolean idVerified;

    @Column(name = "PASSWORD_HASH", length = 200)
    private String passwordHash;

    /** The SSO issuer and subject; unique when present, like the mobile. */
    @Column(name = "SSO_SUBJECT", length = 300)
    private String ssoSubject;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "REGISTERED", nullable = false)
    private boolean registered;

    /** When the one-time password the account now has was issued; null once its holder chose their own. */
    @Column(name = "ONE_TIME_PASSWORD_AT")
    private LocalDateTime oneTimePasswordAt;

    /** The version of the 个人信息保护告知书 the individual agreed to, and when; null until they do. */
    @Column(name = "PRIVACY_CONSENT", length = 20)
    private String privacyConsent;

    @Column(name = "PRIVACY_CONSENT_AT")
    private LocalDateTime privacyConsentAt;

    @Column(name = "REJECTED_REASON", length = 200)
    private String rejectedReason;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "LAST_LOGIN_AT")
    private LocalDateTime lastLoginAt;

    public AccountEntity() {
    }

    AccountEntity(String login, Role role, LocalDateTime now) {
        this.login = login;
        this.role = role;
        this.createdAt = now;
    }

    long getId() { return id; }
    String getLogin() { return login; }
    String getMobile() { return mobile; }
    void setMobile(String mobile) { this.mobile = mobile; }
    String getDisplayName() { return displayName; }
    void setDisplayName(String displayName) { this.displayName = displayName; }
    Role getRole() { return role; }
    Long getUnitId() { return unitId; }
    void setUnitId(Long unitId) { this.unitId = unitId; }
    Long getPersonId() { return personId; }
    Long getVerifierId() { return verifierId; }
    void setVerifierId(Long verifierId) { this.verifierId = verifierId; }
    void setPersonId(Long personId) { this.personId = personId; }
    boolean isIdVerified() { return idVerified; }
    void setIdVerified(boolean idVerified) { this.idVerified = idVerified; }
    String getPasswordHash() { return passwordHash; }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    String getSsoSubject() { return ssoSubject; }
    void setSsoSubject(String ssoSubject) { this.ssoSubject = ssoSubject; }
    boolean isEnabled() { return enabled; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    String getRejectedReason() { return rejectedReason; }
    void setRejectedReason(String reason) { this.rejectedReason = reason; }
    boolean isRegistered() { return registered; }

    /** True for an individual who has not agreed to the current 个人信息保护告知书. */
    boolean mustConsent() {
        return role == Role.INDIVIDUAL
                && !org.titlecert.identity.PrivacyNotice.VERSION.equals(privacyConsent);
    }

    void consent(LocalDateTime now) {
        privacyConsent = org.titlecert.identity.PrivacyNotice.VERSION;
        privacyConsentAt = now;
    }
    void setRegistered(boolean registered) { this.registered = registered; }
    boolean mustChangePassword() { return oneTimePasswordAt != null; }
    void setOneTimePasswordAt(LocalDateTime at) { this.oneTimePasswordAt = at; }
    LocalDateTime getCreatedAt() { return createdAt; }
    LocalDateTime getLastLoginAt() { return lastLoginAt; }
    void setLastLoginAt(LocalDateTime lastLoginAt) { this.lastLoginAt = lastLoginAt; }
}
