package org.titlecert.certificate;

/** 待审核 / 已通过 / 未通过. */
public enum CorrectionStatus {
    PENDING("待审核"), APPROVED("已通过"), REJECTED("未通过");

    private final String label;

    CorrectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
