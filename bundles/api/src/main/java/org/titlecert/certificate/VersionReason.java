package org.titlecert.certificate;

/** Why a certificate version was made. */
public enum VersionReason {
    ISSUED("首次生成"), REGENERATED("重新生成"), CORRECTED("更正"), REINSTATED("撤销恢复");

    private final String label;

    VersionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
