package org.titlecert.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A per-client limit of {@code perMinute} requests, with bursts of up to {@code burst} at once.
 * <p>
 * Each node keeps a token bucket per client (the burst, refilled at the limit's rate). With {@link SharedCounts}
 * (the platform's database) the minute also holds across nodes: each client has a window per minute whose count
 * every node adds to. A node counts in memory and adds its counts every second ({@link #flush()}); once a client
 * has used a quarter of its minute, every further request of it is added to the shared count at once and let
 * through only while the total is within the limit, so the nodes together let through at most the limit a
 * minute (a refused request counts too). While the shared counts do not answer, the buckets alone limit. Memory
 * stays bounded: idle clients are dropped when the maps grow.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 50_000;

    private final String name;
    private final int perMinute;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final double perNano;
    private final double capacity;
    private final Supplier<SharedCounts> shared;
    private final LongSupplier millis;

    /** A limit of this node only, with bursts of a quarter of the minute. */
    public RateLimiter(int perMinute) {
        this("", perMinute, 0, () -> null, System::currentTimeMillis);
    }

    /**
     * A limit over all nodes, where {@code shared} supplies the shared counts (null while there are none);
     * {@code burst} 0 means a quarter of the minute.
     */
    public RateLimiter(String name, int perMinute, int burst, Supplier<SharedCounts> shared) {
        this(name, perMinute, burst, shared, System::currentTimeMillis);
    }

    RateLimiter(String name, int perMinute, int burst, Supplier<SharedCounts> shared, LongSupplier millis) {
        this.name = name;
        this.perMinute = perMinute;
        this.perNano = perMinute / 60e9;
        this.capacity = burst > 0 ? burst : Math.max(1, perMinute / 4.0);
        this.shared = shared;
        this.millis = millis;
    }

    /** Seconds to wait before the client may ask again; 0 if it may now (and the request is counted). */
    public int acquire(String client, long nowNanos) {
        String key = client == null ? "" : client;
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.full(nowNanos));
        }
        int wait = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos)).take(nowNanos);
        SharedCounts counts = shared.get();
        if (wait > 0 || counts == null) {
            return wait;
        }
        Integer minute = acquireShared(counts, key);
        return minute == null ? 0 : minute;
    }

    /** The wait under the shared window, or null when the shared counts do not answer. */
    private Integer acquireShared(SharedCounts counts, String client) {
        long now = millis.getAsLong();
        long minute = now / 60_000;
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> w.past(minute));
        }
        Window w = windows.computeIfAbsent(client, k -> new Window(minute));
        synchronized (w) {
            w.roll(minute);
            int nextMinute = (int) Math.max(1, (60_000 - now % 60_000 + 999) / 1000);
            if (w.shared + w.inFlight + w.unflushed >= Math.max(1, perMinute / 4)) {
                // near the limit: this request is added at once, and the total of all nodes decides; a flush
                // adding this client's hits is waited for, so that the total it answers is exact
                if (!w.awaitFlush()) {
                    return null;
                }
                long total;
                try {
                    total = counts.add(name, minute, Map.of(client, w.unflushed + 1)).getOrDefault(client, 0L);
                } catch (RuntimeException unreachable) {
                    return null;
                }
                w.absorb(total);
                return total > perMinute ? nextMinute : 0;
            }
            w.unflushed++;
            return 0;
        }
    }

    /** Adds what this node counted to the shared counts; the owner calls it every second. */
    public void flush() {
        SharedCounts counts = shared.get();
        if (counts == null || windows.isEmpty()) {
            return;
        }
        long minute = millis.getAsLong() / 60_000;
        // a minute that is over counts no more: its windows go, and what they had not added yet with them
        windows.values().removeIf(w -> w.past(minute));
        Map<String, Window> flushing = new HashMap<>();
        Map<String, Long> hits = new HashMap<>();
        windows.forEach((client, w) -> {
            synchronized (w) {
                if (w.minute == minute && w.unflushed > 0 && w.inFlight == 0) {
                    hits.put(client, w.unflushed);
                    flushing.put(client, w);
                    w.inFlight = w.unflushed;
                    w.unflushed = 0;
                }
            }
        });
        if (hits.isEmpty()) {
            return;
        }
        Map<String, Long> totals = null;
        try {
            totals = counts.add(name, minute, hits);
        } catch (RuntimeException unreachable) {
            // what was not added stays counted on this node, to be added at the next flush
        } finally {
            Map<String, Long> added = totals;
            flushing.forEach((client, w) -> w.flushed(minute, added == null ? null : added.getOrDefault(client, 0L)));
        }
    }

    /**
     * A client's minute: the total of all nodes as last read, what this node counted since, and what a flush is
     * adding to the shared counts now (counted in neither until it answers).
     */
    private static final class Window {
        private static final long FLUSH_WAIT_MILLIS = 2_000;

        private long minute;
        private long shared;
        private long unflushed;
        private long inFlight;

        Window(long minute) {
            this.minute = minute;
        }

        void roll(long now) {
            if (minute != now) {
                minute = now;
                shared = 0;
                unflushed = 0;
            }
        }

        /** Waits (the caller holding the lock) until no flush adds this client's hits; false if it takes too long. */
        boolean awaitFlush() {
            long until = System.nanoTime() + FLUSH_WAIT_MILLIS * 1_000_000;
            try {
                for (long left = FLUSH_WAIT_MILLIS; inFlight > 0 && left > 0;
                        left = (until - System.nanoTime()) / 1_000_000) {
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return inFlight == 0;
        }

        /** A flush's end: the shared total it read, or null when the counts did not answer (the hits stay here). */
        synchronized void flushed(long of, Long total) {
            if (of == minute && total != null) {
                shared = Math.max(shared, total);
            } else if (of == minute) {
                unflushed += inFlight;
            }
            inFlight = 0;
            notifyAll();
        }

        void absorb(long total) {
            unflushed = 0;
            shared = total;
        }

        synchronized boolean past(long now) {
            return minute < now;
        }
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized int take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (int) Math.ceil((1 - tokens) / perNano / 1e9);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
        }
    }
}
