package org.titlecert.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per client: {@code perMinute} requests a minute, with bursts of up to a quarter of that. It
 * lives in this node's memory, so it bounds what one client may cost one node. Buckets that have filled up
 * again are dropped when the map grows, so memory stays bounded.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 50_000;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perNano;
    private final double capacity;

    public RateLimiter(int perMinute) {
        this.perNano = perMinute / 60e9;
        this.capacity = Math.max(1, perMinute / 4.0);
    }

    /** Seconds to wait before the client may ask again; 0 if it may now (and a token is taken). */
    public int acquire(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.full(nowNanos));
        }
        return buckets.computeIfAbsent(client == null ? "" : client, k -> new Bucket(capacity, nowNanos))
                .take(nowNanos);
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
