package org.titlecert.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.titlecert.verification.ShareCode;

class ShareCodesTest {

    @Test
    void aCodeReadsBackHoweverItIsTyped() {
        String code = ShareCodes.newCode();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        String canonical = code.replace("-", "");
        assertThat(ShareCodes.canonical(code)).isEqualTo(canonical);
        assertThat(ShareCodes.canonical(" " + code.toLowerCase().replace("-", " ") + " ")).isEqualTo(canonical);
        // typed on a Chinese keyboard: full-width letters and a full-width dash
        String fullWidth = code.chars().mapToObj(c -> c == '-' ? "－" : String.valueOf((char) (c + 0xFEE0)))
                .reduce("", String::concat);
        assertThat(ShareCodes.canonical(fullWidth)).isEqualTo(canonical);
        assertThat(ShareCodes.hint(canonical)).isEqualTo(code.substring(10));
    }

    @Test
    void whatCannotBeACodeIsNone() {
        assertThat(ShareCodes.canonical(null)).isNull();
        assertThat(ShareCodes.canonical("ABCD-EFGH-JKL")).as("too short").isNull();
        assertThat(ShareCodes.canonical("ABCD-EFGH-JKL0")).as("a look-alike").isNull();
        assertThat(ShareCodes.canonical("A".repeat(41))).isNull();
    }

    @Test
    void codesDoNotRepeatAndHashesDiffer() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(ShareCodes.newCode());
        }
        assertThat(codes).hasSize(10_000);
        assertThat(ShareCodes.hash("ABCDEFGHJKLM")).hasSize(64).isNotEqualTo(ShareCodes.hash("ABCDEFGHJKLN"));
    }

    @Test
    void aCodeLivesUntilItExpiresOrIsWithdrawn() {
        Instant expires = Instant.parse("2026-12-10T00:00:00Z");
        assertThat(ShareCodes.status(false, expires, expires.minusSeconds(1))).isEqualTo(ShareCode.Status.ACTIVE);
        assertThat(ShareCodes.status(false, expires, expires)).isEqualTo(ShareCode.Status.EXPIRED);
        assertThat(ShareCodes.status(true, expires, expires.minusSeconds(1))).isEqualTo(ShareCode.Status.WITHDRAWN);
    }
}
