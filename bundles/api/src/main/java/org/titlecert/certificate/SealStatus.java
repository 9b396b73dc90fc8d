package org.titlecert.certificate;

/** 已盖章 / 未盖章: whether a certificate carries the e-seals of its committee and its issuing authority. */
public enum SealStatus {
    SEALED("已盖章"), PARTIAL("部分盖章"), UNSEALED("未盖章");

    private final String label;

    SealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
