package org.titlecert.filing.internal;

import java.util.List;

/** The columns of a roster file, with the Chinese headers units use for them. */
enum RosterColumn {
    NAME(true, "姓名", "真实姓名"),
    ID_NUMBER(true, "身份证号码", "身份证号", "证件号码"),
    GENDER(false, "性别"),
    BIRTH_DATE(false, "出生日期", "出生年月"),
    EMPLOYER(true, "工作单位", "所在单位"),
    SERIES(true, "系列"),
    SPECIALTY(true, "专业"),
    TITLE_NAME(true, "职称名称", "资格名称"),
    LEVEL(true, "职称级别", "资格级别"),
    QUALIFICATION_DATE(true, "取得时间", "资格取得时间", "取得资格时间");

    final boolean required;
    final List<String> headers;

    RosterColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** The header shown in messages when the file has none. */
    String label() {
        return headers.get(0);
    }

    static RosterColumn forHeader(String header) {
        String h = header == null ? "" : header.replace("*", "").replace("＊", "").strip();
        for (RosterColumn c : values()) {
            if (c.headers.contains(h)) {
                return c;
            }
        }
        return null;
    }
}
