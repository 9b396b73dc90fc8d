package org.titlecert.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** A reset link is good for its 30 minutes, once, and not a moment after. */
class ResetLinksTest {

    @Test
    void aLinkIsGoodForThirtyMinutesAndOnce() {
        LocalDateTime made = LocalDateTime.of(2026, 12, 3, 0, 30);
        LocalDateTime end = made.plus(ResetLinks.VALID);
        assertThat(ResetLinks.open(null, end, made)).isTrue();
        assertThat(ResetLinks.open(null, end, made.plusMinutes(29).plusSeconds(59))).isTrue();
        assertThat(ResetLinks.open(null, end, made.plusMinutes(30))).isFalse();
        assertThat(ResetLinks.open(null, end, made.plusDays(1))).isFalse();
        assertThat(ResetLinks.open(made.plusMinutes(1), end, made.plusMinutes(2))).as("used").isFalse();
    }
}
