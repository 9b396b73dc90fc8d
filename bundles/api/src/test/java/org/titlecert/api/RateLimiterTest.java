package org.titlecert.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aClientGetsABurstThenWaitsWhileOthersAreUnaffected() {
        RateLimiter limiter = new RateLimiter(120);
        long t = 1_000_000_000L;
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.acquire("10.0.0.1", t)).as("burst %d", i).isZero();
        }
        assertThat(limiter.acquire("10.0.0.1", t)).as("the 31st at once").isPositive();
        assertThat(limiter.acquire("10.0.0.2", t)).as("another client").isZero();
        assertThat(limiter.acquire("10.0.0.1", t + 500_000_000L)).as("two a second refill").isZero();
    }
}
