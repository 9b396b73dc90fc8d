package org.titlecert.certificate.internal;

/** Why a certificate is not generated, as shown to people. */
final class Reasons {

    static final String NO_PHOTO = "尚未上传个人电子证件照片";
    static final String NO_TEMPLATE = "没有适用于该地区的证书模板";
    static final String INTERNAL = "证书生成时发生内部错误，请联系系统管理员";

    private Reasons() {
    }
}
