package org.titlecert.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * Logins and sessions. A failed login answers the same for an unknown account and a wrong password;
 * repeated failures for an account or an address slow further attempts and require a captcha.
 */
@ProviderType
public interface IdentityService {

    Captcha newCaptcha();

    /** True when the next local login for this login name or address must solve a captcha. */
    boolean captchaRequired(String login, String address);

    /** 管理人员登录: account, password and a captcha, always. */
    Session loginAdmin(String account, String password, String captchaId, String captchaAnswer, String address);

    /** 个人登录 with a local account: ID number or mobile, and password. */
    Session loginIndividual(String login, String password, String captchaId, String captchaAnswer, String address);

    /** Creates a local individual account and signs it in; the registration form comes next. */
    Session registerIndividual(String idNumber, String mobile, String password, String captchaId,
                               String captchaAnswer, String address);

    /** Starts a government SSO login (OpenID Connect, authorization code with PKCE). */
    SsoStart beginSso();

    /** Completes a government SSO login: validates the state, the tokens and the nonce, then signs in. */
    Session completeSso(String state, String code, String binding, String address);

    boolean ssoEnabled();

    /** The live session for this token, its idle time renewed; empty if unknown, expired or logged out. */
    Optional<Session> session(String token, String address);

    void logout(String token, String address);

    /** The caller an API key stands for; empty if the key is unknown or revoked. */
    Optional<Caller> authenticateApiKey(String key, String address);
}
