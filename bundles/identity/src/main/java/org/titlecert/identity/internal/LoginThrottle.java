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
 * Where the counts live is the {@link Store}'s business: the database, so that every node sees them.
 */
final class LoginThrottle {

    /** A key's failures: how many, and when the last one was. */
    record Failures(int count, Instant last) {
    }

    /** Where the counts are kept. */
    interface Store {

        /** The key's failures since {@code since}, or null. */
        Failures get(String key, Instant since);

        /** Counts one more failure at {@code now}; a count last touched before {@code since} starts again at 1. */
        void failed(String key, Instant now, Instant since);

        void clear(String key);
    }

    private final int threshold;
    private final Duration maxDelay;
    private final Duration window;
    private final Clock clock;
    private final Store store;

    LoginThrottle(int threshold, Duration maxDelay, Duration window, Clock clock, Store store) {
        this.threshold = threshold;
        this.maxDelay = maxDelay;
        this.window = window;
        this.clock = clock;
        this.store = store;
    }

    /** A throttle that keeps its counts in this JVM, for tests. */
    LoginThrottle(int threshold, Duration maxDelay, Duration window, Clock clock) {
        this(threshold, maxDelay, window, clock, new MemoryStore());
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
            store.failed(k, now, now.minus(window));
        }
    }

    void succeeded(String key) {
        store.clear(key);
    }

    private Failures current(String key) {
        return store.get(key, clock.instant().minus(window));
    }

    /** Counts in this JVM's memory, bounded. */
    static final class MemoryStore implements Store {

        private final Map<String, Failures> failures = new ConcurrentHashMap<>();

        @Override
        public Failures get(String key, Instant since) {
            Failures f = failures.get(key);
            return f == null || f.last().isBefore(since) ? null : f;
        }

        @Override
        public void failed(String key, Instant now, Instant since) {
            failures.merge(key, new Failures(1, now), (old, one) -> old.last().isBefore(since)
                    ? one : new Failures(old.count() + 1, now));
            if (failures.size() > 100_000) {
                failures.values().removeIf(f -> f.last().isBefore(since));
            }
        }

        @Override
        public void clear(String key) {
            failures.remove(key);
        }
    }
}
