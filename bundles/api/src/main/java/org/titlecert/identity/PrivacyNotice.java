package org.titlecert.identity;

/**
 * The platform's 个人信息保护告知书 (privacy notice, PIPL 第十七条). An individual agrees to it explicitly when signing
 * up, and, when it changes (a new version), again at their next sign-in before anything else.
 */
public final class PrivacyNotice {

    /** The version in force; an individual who agreed to another is asked again. */
    public static final String VERSION = "2026-12-03";

    private PrivacyNotice() {
    }
}
