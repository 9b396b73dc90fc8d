package org.titlecert.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * This node's one registry of metrics: the JVM's, the data disk's, and what each bundle registers through its
 * {@link BundleMetrics}. It also keeps running totals per metric (and per label value), which the dashboard's
 * sampler turns into rates without parsing the exposition.
 */
@Component(service = Registry.class)
public class Registry {

    /** Render and seal times: from 10 ms to 10 s. */
    private static final double[] SECONDS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry prometheus = new PrometheusRegistry();
    private final Map<String, Collector> collectors = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> totals = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Activate
    void activate() {
        try {
            JvmMetrics.builder().register(prometheus);
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(Registry.class).warn("JVM metrics unavailable", e);
        }
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        gauge("titlecert_data_disk_free_bytes", "Usable space on the disk of the data folder", () -> disk(data, true));
        gauge("titlecert_data_disk_size_bytes", "Size of the disk of the data folder", () -> disk(data, false));
    }

    @Deactivate
    void deactivate() {
        prometheus.clear();
    }

    Counter counter(String name, String help, String... labelNames) {
        Counter c = Counter.builder().name(name).help(help).labelNames(labelNames).build();
        replace(name, c);
        return c;
    }

    Histogram timer(String name, String help, String... labelNames) {
        Histogram h = Histogram.builder().name(name).help(help).labelNames(labelNames).classicOnly()
                .classicUpperBounds(SECONDS).build();
        replace(name, h);
        return h;
    }

    void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, value);
        replace(name, GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(read(value))).build());
    }

    /** Removes what a bundle registered, unless a newer registration took the name. */
    void remove(String name, Object registered) {
        if (collectors.remove(name, registered)) {
            prometheus.unregister((Collector) registered);
            gauges.remove(name);
        }
    }

    Object collector(String name) {
        return collectors.get(name);
    }

    /** Adds to the running totals of a counter: all of it, and each label's value. */
    void total(String name, String[] labelNames, String[] labelValues, double amount) {
        totals.computeIfAbsent(name, n -> new DoubleAdder()).add(amount);
        for (int i = 0; i < labelNames.length && i < labelValues.length; i++) {
            totals.computeIfAbsent(name + "|" + labelNames[i] + "=" + labelValues[i], n -> new DoubleAdder())
                    .add(amount);
        }
    }

    /** A running total: {@code name}, or {@code name|label=value}; 0 if nothing was counted. */
    double total(String key) {
        DoubleAdder a = totals.get(key);
        return a == null ? 0 : a.sum();
    }

    /** The sum of the running totals whose key starts with the prefix, e.g. {@code http|status=5}. */
    double totalStartingWith(String prefix) {
        return totals.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> e.getValue().sum()).sum();
    }

    /** A gauge's value now, or NaN. */
    double gauge(String name) {
        DoubleSupplier g = gauges.get(name);
        return g == null ? Double.NaN : read(g);
    }

    void writePrometheus(OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, prometheus.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    }

    private void replace(String name, Collector c) {
        Collector old = collectors.put(name, c);
        if (old != null) {
            prometheus.unregister(old);
        }
        prometheus.register(c);
    }

    private static double read(DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN; // a gauge whose source is down (the database) reads as missing, not as an error
        }
    }

    private static double disk(Path data, boolean free) {
        try {
            FileStore store = Files.getFileStore(Files.exists(data) ? data : Path.of("."));
            return free ? store.getUsableSpace() : store.getTotalSpace();
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
