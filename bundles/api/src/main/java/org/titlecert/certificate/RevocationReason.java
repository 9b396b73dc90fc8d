package org.titlecert.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a certificate was revoked (撤销原因), from a fixed list: this is what the public verification page
 * shows. Any free-text explanation stays internal (admins, the audit log).
 */
public enum RevocationReason {
    INFO_ERROR("信息有误"), BY_LAW("依法撤销"), HOLDER_REQUEST("本人申请"), FRAUD("弄虚作假取得");

    private final String label;

    RevocationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason stored under this code; empty for anything else (such as free text of older records). */
    public static Optional<RevocationReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
