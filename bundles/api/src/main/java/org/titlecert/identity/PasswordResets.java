package org.titlecert.identity;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * 忘记密码 for local individual accounts: a single-use link e-mailed to the account's address, or a one-time
 * password from the person's unit.
 */
@ProviderType
public interface PasswordResets {

    /**
     * E-mails a reset link if {@code login} (an ID number or a mobile) names a local individual account with an
     * e-mail address; answers alike either way, so that nobody learns who has an account. Needs the captcha.
     *
     * @param baseUrl the platform's address the link starts with, as the caller reached it
     */
    void request(String login, String captchaId, String captchaAnswer, String baseUrl, String address);

    /** Whether a reset token can still be used (unused and not expired). */
    boolean usable(String token);

    /** Sets the new password with a token; the token is used up and the account's sessions end. */
    void reset(String token, String newPassword, String address);

    /**
     * A one-time password for a person's local account, by an admin of a unit the person is on an approved filing
     * of (or a system admin); it must be changed at the next login, and the account's sessions end.
     */
    NewSecret resetByUnit(Caller caller, long personId);
}
