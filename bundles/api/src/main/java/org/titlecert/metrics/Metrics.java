package org.titlecert.metrics;

import java.util.function.DoubleSupplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a bundle records its metrics. Each bundle gets its own view: what it registered goes away with it. Names
 * follow Prometheus ({@code titlecert_…_total} for counters, {@code _seconds} for timers); label values must come
 * from small fixed sets (a route pattern, a reason code), never from a person, an id or an address.
 */
@ProviderType
public interface Metrics {

    /** A counter with the given label names (none for a plain counter). */
    Counter counter(String name, String help, String... labelNames);

    /** A histogram of durations, in seconds. */
    Timer timer(String name, String help, String... labelNames);

    /** A gauge, read when the metrics are. */
    void gauge(String name, String help, DoubleSupplier value);

    /** Counts events. */
    @ProviderType
    interface Counter {
        /** One more, for these label values (as many as the counter has label names). */
        void inc(String... labelValues);
    }

    /** Records durations. */
    @ProviderType
    interface Timer {
        void observeNanos(long nanos, String... labelValues);
    }
}
