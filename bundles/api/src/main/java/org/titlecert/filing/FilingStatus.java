package org.titlecert.filing;

/** The approval state of a filing (审批状态). Only approved filings produce certificates. */
public enum FilingStatus {
    PENDING("待审核"), APPROVED("审核通过"), REJECTED("审核不通过");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
