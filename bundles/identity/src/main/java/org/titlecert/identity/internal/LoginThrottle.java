package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per address. From the threshold on, each further attempt
 * must wait: 1 s, 2 s, 4 s … up to a cap, so guessing is slow while the real owner, whose next
 * attempt is at most the cap away, is never locked out for good. Counts fade after a quiet window.
 */
final class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int threshold;
    private final Duration maxDelay;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(int threshold, Duration maxDelay, Duration window, Clock clock) {
        this.threshold = threshold;
        this.maxDelay = maxDelay;
        this.window = window;
        this.clock = clock;
    }

    /** True once a key has failed often enough that a captcha is required. */
    boolean suspicious(String... keys) {
        for (String k : keys) {
            Failures f = current(k);
            if (f != null && f.count() >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** How long the next attempt for these keys must still wait; zero if it may go ahead. */
    Duration waitFor(String... keys) {
        Duration longest = Duration.ZERO;
        Instant now = clock.instant();
        for (String k : keys) {
            Failures f = current(k);
            if (f != null && f.count() >= threshold) {
                long exp = Math.min(20, f.count() - threshold);
                Duration delay = Duration.ofSeconds(1L << exp);
                if (delay.compareTo(maxDelay) > 0) {
                    delay = maxDelay;
                }
                Duration left = Duration.between(now, f.last().plus(delay));
                if (left.compareTo(longest) > 0) {
                    longest = left;
                }
            }
        }
        return longest;
    }

    void failed(String... keys) {
        Instant now = clock.instant();
        for (String k : keys) {
            failures.merge(k, new Failures(1, now), (old, one) -> expired(old, now)
                    ? one : new Failures(old.count() + 1, now));
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
    }

    void succeeded(String account) {
        failures.remove(account);
    }

    private Failures current(String key) {
        Failures f = failures.get(key);
        if (f != null && expired(f, clock.instant())) {
            failures.remove(key, f);
            return null;
        }
        return f;
    }

    private boolean expired(Failures f, Instant now) {
        return f.last().plus(window).isBefore(now);
    }
}
