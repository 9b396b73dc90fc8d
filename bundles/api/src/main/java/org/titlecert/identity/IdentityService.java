package org.titlecert.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * Logins and sessions. A failed login answers the same for an unknown account and a wrong password;
 * repeated failures for an account (however its login is spelt) or an address slow further attempts and require
 * a captcha, on every node alike.
 */
@ProviderType
public interface IdentityService {

    /** A new captcha; each address may ask only so often ({@code CAPTCHA_RATE_LIMITED}). */
    default Captcha newCaptcha(String address) {
        return newCaptcha(address, false);
    }

    /**
     * A new captcha, of letters or ({@code arithmetic}) a sum asked in words as well, the text alternative for
     * people using a screen reader. Both count against the same limit and are used up alike.
     */
    Captcha newCaptcha(String address, boolean arithmetic);

    /** Solves a captcha once: true if the answer is right; the captcha is used up either way. */
    boolean solveCaptcha(String captchaId, String answer);

    /** True when the next local login for the account this login names, or from this address, must solve a captcha. */
    boolean captchaRequired(String login, String address);

    /** 管理人员登录: account, password and a captcha, always. */
    Session loginAdmin(String account, String password, String captchaId, String captchaAnswer, String address);

    /**
     * 查验单位登录: account, password and a captcha, always. A verifier whose application is pending or refused is
     * told so once its password is right ({@code VERIFIER_PENDING}, {@code VERIFIER_REJECTED} with the reason).
     */
    Session loginVerifier(String account, String password, String captchaId, String captchaAnswer, String address);

    /** 个人登录 with a local account: ID number or mobile, and password. */
    Session loginIndividual(String login, String password, String captchaId, String captchaAnswer, String address);

    /**
     * Creates a local individual account, who then logs in and completes the registration form. The answer is
     * the same whether or not the ID number or the mobile is already registered: nobody learns who has an account.
     * Nothing is kept unless the person agrees to the {@link PrivacyNotice} ({@code CONSENT_REQUIRED}).
     */
    void registerIndividual(String idNumber, String mobile, String password, boolean privacyConsent, String captchaId,
                            String captchaAnswer, String address);

    /** Starts a government SSO login (OpenID Connect, authorization code with PKCE). */
    SsoStart beginSso(String address);

    /** Completes a government SSO login: validates the state, the tokens and the nonce, then signs in. */
    Session completeSso(String state, String code, String binding, String address);

    boolean ssoEnabled();

    /** The live session for this token, its idle time renewed; empty if unknown, expired or logged out. */
    Optional<Session> session(String token, String address);

    void logout(String token, String address);

    /**
     * 修改密码 for the account of a signed-in session: the current password, then a new one that meets the policy.
     * The account's other sessions end; this one stays. Wrong current passwords count towards the login throttle.
     * An account that signs in only through the government SSO has no local password to change.
     */
    void changePassword(String sessionToken, String currentPassword, String newPassword, String address);

    /** The caller an API key stands for; empty if the key is unknown or revoked. */
    Optional<Caller> authenticateApiKey(String key, String address);
}
