package org.titlecert.verification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.titlecert.verification.ShareCode;

/**
 * Share codes: twelve characters from an alphabet without look-alikes (no 0/O, 1/I), 60 random bits, shown in
 * groups of four (K7QP-M3XZ-9HTF) and read back however the verifier types them. Only the hash is stored.
 */
final class ShareCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareCodes() {
    }

    static String newCode() {
        StringBuilder sb = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The code as typed, without dashes, spaces or full-width forms, in capitals; null if it cannot be one. */
    static String canonical(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s\\-_]", "")
                .toUpperCase(Locale.ROOT);
        return s.length() == LENGTH && s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? s : null;
    }

    static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hint(String canonical) {
        return canonical.substring(LENGTH - 4);
    }

    static ShareCode.Status status(boolean withdrawn, Instant expiresAt, Instant now) {
        if (withdrawn) {
            return ShareCode.Status.WITHDRAWN;
        }
        return now.isBefore(expiresAt) ? ShareCode.Status.ACTIVE : ShareCode.Status.EXPIRED;
    }
}
