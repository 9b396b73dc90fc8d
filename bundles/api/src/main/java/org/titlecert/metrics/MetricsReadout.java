package org.titlecert.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/** The metrics as operators read them: system admins, or API keys with the {@code metrics:read} scope. */
@ProviderType
public interface MetricsReadout {

    /** The content type of {@link #writePrometheus}. */
    String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** Every metric of this node, JVM included, in Prometheus' text format. */
    void writePrometheus(Caller caller, OutputStream out) throws IOException;

    /** The dashboard's series over the last hour, one point per sampling interval, oldest first. */
    Dashboard dashboard(Caller caller);

    /**
     * @param at              when the last point was taken
     * @param intervalSeconds time between points
     * @param series          each chart's values
     */
    record Dashboard(Instant at, int intervalSeconds, List<Series> series) {
    }

    /**
     * @param key    stable name, e.g. {@code queue_depth}
     * @param title  in Chinese, for the chart
     * @param unit   e.g. {@code 本}, {@code 本/秒}, {@code 秒}, {@code MB}
     * @param values oldest first; {@code null} where nothing was sampled
     */
    record Series(String key, String title, String unit, List<Double> values) {
    }
}
