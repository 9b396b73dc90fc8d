package org.titlecert.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a certificate was corrected (更正原因), from a fixed list: the public verification page shows it in the
 * certificate's history. The request's own explanation stays internal.
 */
public enum CorrectionReason {
    NAME("姓名有误"), GENDER_OR_BIRTH("性别或出生日期有误"), EMPLOYER("工作单位有误"),
    SERIES_OR_SPECIALTY("系列或专业有误"), TITLE("职称名称或级别有误"), QUALIFICATION_DATE("取得资格时间有误"),
    OTHER("其他信息有误");

    private final String label;

    CorrectionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason stored under this code; empty for anything else. */
    public static Optional<CorrectionReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
