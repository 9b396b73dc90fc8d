package org.titlecert.certificate;

/** 有效 / 已撤销. */
public enum Validity {
    VALID("有效"), REVOKED("已撤销");

    private final String label;

    Validity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
