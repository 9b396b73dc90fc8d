package org.titlecert.metrics.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.titlecert.metrics.Metrics;

import io.prometheus.metrics.core.metrics.Histogram;

/**
 * One bundle's view of the registry: what the bundle registered is removed when it lets the service go (it
 * stopped, or is being updated), so a restarted bundle registers its metrics afresh.
 */
@Component(scope = ServiceScope.BUNDLE)
public class BundleMetrics implements Metrics {

    @Reference
    private Registry registry;

    private final Map<String, Object> mine = new ConcurrentHashMap<>();

    @Deactivate
    void deactivate() {
        mine.forEach(registry::remove);
    }

    @Override
    public Metrics.Counter counter(String name, String help, String... labelNames) {
        io.prometheus.metrics.core.metrics.Counter c = registry.counter(name, help, labelNames);
        mine.put(name, c);
        String[] names = labelNames.clone();
        return values -> {
            c.labelValues(values).inc();
            registry.total(name, names, values, 1);
        };
    }

    @Override
    public Timer timer(String name, String help, String... labelNames) {
        Histogram h = registry.timer(name, help, labelNames);
        mine.put(name, h);
        String[] names = labelNames.clone();
        return (nanos, values) -> {
            double seconds = nanos / 1e9;
            h.labelValues(values).observe(seconds);
            registry.total(name + "_count", names, values, 1);
            registry.total(name + "_sum", names, values, seconds);
        };
    }

    @Override
    public void gauge(String name, String help, DoubleSupplier value) {
        registry.gauge(name, help, value);
        mine.put(name, registry.collector(name));
    }
}
