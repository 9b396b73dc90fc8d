package org.titlecert.api;

import java.util.Locale;
import java.util.Optional;

/**
 * An organisation's 18-character 统一社会信用代码 (GB 32100-2015): registering authority, organisation type,
 * 6-digit region, 9-character organisation code and a check character over the 31 letters and digits the
 * standard uses (no I, O, S, V or Z).
 */
public final class CreditCode {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The code as stored: stripped and upper-cased. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Why {@code raw} is not a valid 统一社会信用代码, or empty if it is. */
    public static Optional<String> problem(String raw) {
        String v = normalise(raw);
        if (v.isEmpty()) {
            return Optional.of("统一社会信用代码不能为空");
        }
        if (v.length() != 18 || !v.chars().allMatch(c -> CHARS.indexOf(c) >= 0)) {
            return Optional.of("统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）");
        }
        if (!v.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("统一社会信用代码第 3 至 8 位应为行政区划代码");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(v.charAt(i)) * WEIGHTS[i];
        }
        if (CHARS.charAt((31 - sum % 31) % 31) != v.charAt(17)) {
            return Optional.of("统一社会信用代码校验位不正确，请核对");
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }
}
