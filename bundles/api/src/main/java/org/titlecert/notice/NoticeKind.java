package org.titlecert.notice;

/** Why a holder is told something. */
public enum NoticeKind {
    CERTIFICATE_ISSUED("证书已生成"), CERTIFICATE_CORRECTED("证书已更正"), CERTIFICATE_REVOKED("证书已撤销"),
    CERTIFICATE_REINSTATED("证书已恢复有效"), PHOTO_REQUESTED("请上传证件照片"),
    PASSWORD_RESET("重置密码");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
