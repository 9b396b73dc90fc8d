package org.titlecert.verification;

/** What a batch check found for one row or file. */
public enum Verdict {
    /** The certificate exists, is valid, and every field given agrees. */
    MATCH("一致"),
    /** The certificate exists but a field given differs from it (see the row's mismatched fields). */
    MISMATCH("不一致"),
    /** The certificate exists and agrees, but has been revoked. */
    REVOKED("已撤销"),
    /** The file is a genuine earlier version of a certificate that has since been corrected or reissued. */
    SUPERSEDED("已更正（旧版本）"),
    /** No such certificate; for a file: not one this platform issued (forged or altered). */
    NOT_FOUND("不存在");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
