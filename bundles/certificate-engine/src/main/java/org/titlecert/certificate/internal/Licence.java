package org.titlecert.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.titlecert.api.ResidentId;
import org.titlecert.filing.PersonTitle;

/**
 * A certificate's 电子证照 metadata (GB/T 36903): each field under the name the standard gives it, in its order.
 * The holder's ID number is given in full, with its middle hidden or as its SHA-256 digest, as configured; the
 * code type says which, so that no reader takes a masked number for the number.
 */
final class Licence {

    enum HolderCode { FULL, MASKED, HASHED }

    /** A professional title does not expire. */
    static final String VALIDITY = "长期";

    private final String typeName;
    private final String typeCode;
    private final HolderCode holderCode;

    Licence(String typeName, String typeCode, HolderCode holderCode) {
        this.typeName = typeName == null ? "" : typeName.strip();
        this.typeCode = typeCode == null ? "" : typeCode.strip();
        this.holderCode = holderCode;
    }

    /** The configured metadata; a holder code the configuration misspells hides the number's middle. */
    static Licence of(EngineConfig config) {
        HolderCode holder = java.util.Arrays.stream(HolderCode.values())
                .filter(h -> h.name().equalsIgnoreCase(config.licenceHolderCode().strip()))
                .findFirst().orElse(HolderCode.MASKED);
        return new Licence(config.licenceTypeName(), config.licenceTypeCode(), holder);
    }

    /** The fields of certificate {@code number}; a field without a value is left out. */
    Map<String, String> fields(String number, PersonTitle t, String authorityCreditCode) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "证照类型名称", typeName);
        put(f, "证照类型代码", typeCode);
        put(f, "证照编号", number);
        put(f, "持证主体", t.name());
        if (t.idNumber() != null && !t.idNumber().isBlank()) {
            switch (holderCode) {
                case FULL -> {
                    f.put("持证主体代码", t.idNumber());
                    f.put("持证主体代码类型", "公民身份号码");
                }
                case MASKED -> {
                    f.put("持证主体代码", ResidentId.maskMiddle(t.idNumber()));
                    f.put("持证主体代码类型", "公民身份号码（部分隐藏）");
                }
                case HASHED -> {
                    f.put("持证主体代码", sha256(t.idNumber().toUpperCase(Locale.ROOT)));
                    f.put("持证主体代码类型", "公民身份号码（SHA-256 摘要）");
                }
            }
        }
        put(f, "发证机构", t.issuingAuthority() == null ? null : t.issuingAuthority().name());
        put(f, "发证机构代码", authorityCreditCode);
        put(f, "颁证日期", t.issueDate() == null ? null : t.issueDate().toString());
        f.put("有效期", VALIDITY);
        return f;
    }

    private static void put(Map<String, String> f, String field, String value) {
        if (value != null && !value.isBlank()) {
            f.put(field, value);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
