package org.titlecert.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(60), Duration.ofMinutes(15), clock);

    @Test
    void fiveFailuresThenWaitsThatDoubleUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a");
        }
        assertThat(throttle.suspicious("a")).isFalse();
        assertThat(throttle.waitFor("a")).isZero();
        throttle.failed("a");
        assertThat(throttle.suspicious("a")).isTrue();
        assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.waitFor("a")).isZero();
        throttle.failed("a");
        assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("a");
        }
        assertThat(throttle.waitFor("a")).as("capped, never locked out for good").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anyThrottledKeyThrottlesTheAttemptAndSuccessClearsTheAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("account:x", "address:1.2.3.4");
        }
        assertThat(throttle.waitFor("account:y", "address:1.2.3.4")).isPositive();
        throttle.succeeded("account:x");
        assertThat(throttle.waitFor("account:x")).isZero();
        assertThat(throttle.suspicious("address:1.2.3.4")).isTrue();
    }

    @Test
    void failuresFadeAfterTheWindow() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("a");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.suspicious("a")).isFalse();
        assertThat(throttle.waitFor("a")).isZero();
    }
}
