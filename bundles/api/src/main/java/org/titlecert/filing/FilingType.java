package org.titlecert.filing;

/** How the titles of a filing were obtained (类型). */
public enum FilingType {
    REVIEW("评审"), RECOGNITION("认定"), EXAM("考试"), EXAM_AND_REVIEW("考评结合");

    private final String label;

    FilingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
