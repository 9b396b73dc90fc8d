package org.titlecert.certificate;

/** The roster fields a correction may change, with their labels on the certificate and in the roster. */
public enum CorrectedField {
    NAME("姓名"), GENDER("性别"), BIRTH_DATE("出生日期"), EMPLOYER("工作单位"), SERIES("系列"), SPECIALTY("专业"),
    TITLE_NAME("职称名称"), LEVEL("职称级别"), QUALIFICATION_DATE("取得资格时间");

    private final String label;

    CorrectedField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
