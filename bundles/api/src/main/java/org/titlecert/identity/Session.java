package org.titlecert.identity;

import java.time.Instant;

import org.titlecert.api.Caller;

/**
 * A signed-in browser or client. The token is the secret the cookie carries; the server keeps
 * only its hash.
 *
 * @param csrfToken            the token every state-changing request of this session must carry
 * @param registrationComplete false until an individual completes the registration form
 * @param displayName          the name to greet the user with
 * @param passwordChangeRequired true while the account still has a one-time password: nothing but 修改密码 (and
 *                             logging out) is open until it is changed
 * @param privacyConsentRequired true while an individual has not agreed to the current {@link PrivacyNotice}:
 *                             nothing else is open until they do
 */
public record Session(String token, Caller caller, String csrfToken, boolean registrationComplete,
                      String displayName, Instant idleExpiry, boolean passwordChangeRequired,
                      boolean privacyConsentRequired) {

    /** The name of the session cookie over plain HTTP (a development machine, tests). */
    public static final String COOKIE = "TCSESSION";
    /** Its name over HTTPS: the {@code __Host-} prefix pins it to this host and path {@code /}, Secure only. */
    public static final String SECURE_COOKIE = "__Host-" + COOKIE;
    /** The names a session cookie may have, the secure one first. */
    public static final java.util.List<String> COOKIES = java.util.List.of(SECURE_COOKIE, COOKIE);
    /** The header that carries the CSRF token on state-changing REST calls made with the session cookie. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The Set-Cookie value for this session: HttpOnly, SameSite=Lax, and Secure over HTTPS. */
    public String cookie(boolean secure) {
        return cookie(token, secure, -1);
    }

    /** A Set-Cookie value that removes the session cookie. */
    public static String clearCookie(boolean secure) {
        return cookie("", secure, 0);
    }

    private static String cookie(String value, boolean secure, int maxAge) {
        return (secure ? SECURE_COOKIE : COOKIE) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
