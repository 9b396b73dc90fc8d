package org.titlecert.identity;

/**
 * An organisation's application to become a 查验单位: who it is, whom to call, and the account it asks for.
 * The password is its own choice, under the same rules as every password.
 */
public record VerifierApplication(String name, String creditCode, String contactName, String contactMobile,
                                  String login, String password, String captchaId, String captchaAnswer) {
}
