package org.titlecert.certificate.internal;

import java.text.Normalizer;

/**
 * What an asker types, made comparable with what a certificate holds: full-width forms folded (NFKC), spaces of
 * any kind dropped, and the middle dots of transcribed names (阿依古丽·买买提) made one.
 */
final class Names {

    private Names() {
    }

    static String comparable(String s) {
        if (s == null) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            out.appendCodePoint(switch (c) {
                case '\u30FB', '\u2022', '\u2027', '\u2219', '\u22C5', '\u0387' -> '\u00B7';
                default -> c;
            });
        });
        return out.toString();
    }
}
