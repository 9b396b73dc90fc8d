package org.titlecert.audit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.titlecert.api.ResidentId;

/** Makes a value safe to log: ID numbers masked, line breaks and other control characters escaped. */
final class Masking {

    private static final Pattern ID = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    private Masking() {
    }

    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        Matcher m = ID.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, ResidentId.mask(m.group()));
        }
        m.appendTail(sb);
        StringBuilder out = new StringBuilder(sb.length());
        sb.codePoints().forEach(cp -> {
            switch (cp) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.length() > max ? out.substring(0, max - 1) + "…" : out.toString();
    }
}
