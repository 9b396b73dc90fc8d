package org.titlecert.certificate.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate number pattern such as {@code {region}{year}{committee}{seq:5}}. Everything but the
 * sequence makes the prefix, and each prefix counts on its own. Placeholders: {@code region},
 * {@code year}, {@code committee} (the committee's code), {@code authority} (the issuing authority's
 * code) and {@code seq:N}, which must come last; anything else is copied literally.
 */
final class NumberPattern {

    private static final Pattern PART = Pattern.compile("\\{(region|year|committee|authority|seq(?::(\\d{1,2}))?)}");
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Za-z_\\-]*");

    private final String pattern;
    private final int digits;

    private NumberPattern(String pattern, int digits) {
        this.pattern = pattern;
        this.digits = digits;
    }

    static NumberPattern parse(String pattern) {
        if (pattern == null || !pattern.endsWith("}") || !pattern.contains("{seq")) {
            throw new IllegalArgumentException("a certificate number pattern ends with {seq} or {seq:N}: " + pattern);
        }
        Matcher m = PART.matcher(pattern);
        int digits = 0;
        int at = 0;
        while (m.find()) {
            if (!LITERAL.matcher(pattern.substring(at, m.start())).matches()) {
                throw new IllegalArgumentException("only letters, digits, _ and - may be literal: " + pattern);
            }
            if (m.group(1).startsWith("seq")) {
                if (m.end() != pattern.length()) {
                    throw new IllegalArgumentException("{seq} must come last: " + pattern);
                }
                digits = m.group(2) == null ? 5 : Integer.parseInt(m.group(2));
            }
            at = m.end();
        }
        if (digits < 1 || digits > 12) {
            throw new IllegalArgumentException("{seq:N} takes 1 to 12 digits: " + pattern);
        }
        return new NumberPattern(pattern, digits);
    }

    /** The prefix for these values; unknown or blank values leave nothing. */
    String prefix(String region, int year, String committee, String authority) {
        Map<String, String> values = Map.of("region", clean(region), "year", Integer.toString(year),
                "committee", clean(committee), "authority", clean(authority));
        Matcher m = PART.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1).startsWith("seq") ? "" : Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    String format(String prefix, long seq) {
        String n = Long.toString(seq);
        if (n.length() > digits) {
            throw new IllegalStateException("certificate numbers for " + prefix + " have run out of " + digits + " digits");
        }
        return prefix + "0".repeat(digits - n.length()) + n;
    }

    private static String clean(String code) {
        return code == null ? "" : code.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
