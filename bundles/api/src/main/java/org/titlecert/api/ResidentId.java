package org.titlecert.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * An 18-character PRC resident identity number (GB 11643-1999): 6-digit region,
 * 8-digit birth date, 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1800, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private ResidentId(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses and validates, upper-casing a trailing x.
     *
     * @throws TitleCertException {@code INVALID_ID_NUMBER} with the reason in Chinese
     */
    public static ResidentId parse(String raw) {
        String reason = problem(raw).orElse(null);
        if (reason != null) {
            throw TitleCertException.invalid("INVALID_ID_NUMBER", reason);
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        return new ResidentId(v, birth(v));
    }

    /**
     * Why {@code raw} is not a valid ID number, or empty if it is. Without the platform's today at hand, a birth
     * date is in the future only once no time zone has reached it.
     */
    public static Optional<String> problem(String raw) {
        return problem(raw, LocalDate.now(ZoneOffset.MAX));
    }

    /** Why {@code raw} is not a valid ID number of someone born by {@code today}, or empty if it is. */
    public static Optional<String> problem(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("身份证号码不能为空");
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (!v.matches("[0-9]{17}[0-9X]")) {
            return Optional.of("身份证号码应为 18 位，前 17 位为数字，末位为数字或 X");
        }
        if (v.charAt(0) < '1' || v.charAt(0) > '9') {
            return Optional.of("身份证号码的地区码无效");
        }
        LocalDate birth;
        try {
            birth = birth(v);
        } catch (DateTimeException e) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (checkChar(v) != v.charAt(17)) {
            return Optional.of("身份证号码校验位错误");
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birth(String v) {
        return LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The ID with all but its first and last character hidden, for public pages and logs. */
    public static String mask(String id) {
        if (id == null || id.length() < 3) {
            return "***";
        }
        return id.charAt(0) + "*".repeat(id.length() - 2) + id.charAt(id.length() - 1);
    }

    /**
     * The ID with its region (first six) and last four characters shown and the birth date and sequence between
     * hidden (340111********1587), as a certificate prints a masked number; anything shorter than 11 as it is.
     */
    public static String maskMiddle(String id) {
        if (id == null || id.length() < 11) {
            return id;
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that an ID never leaks into a log by accident. */
    @Override
    public String toString() {
        return mask(value);
    }
}
