package org.titlecert.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.api.Caller;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.metrics.MetricsReadout;

/**
 * The metrics for operators: Prometheus text, and the dashboard's last hour, sampled on a thread of its own so
 * that the charts have a history the moment the page opens.
 */
@Component(configurationPid = "org.titlecert.metrics")
@Designate(ocd = MetricsConfig.class)
public class Readout implements MetricsReadout {

    static final int POINTS = 360;
    private static final double MB = 1024 * 1024;

    /** One chart: how a point is read from the registry. */
    private record Chart(String key, String title, String unit, Kind kind, String source, double scale) {
    }

    private enum Kind { GAUGE, PER_SECOND, PER_MINUTE, MEAN }

    private static final List<Chart> CHARTS = List.of(
            new Chart("queue_depth", "生成队列", "本", Kind.GAUGE, "titlecert_queue_depth", 1),
            new Chart("queue_oldest", "最早排队", "秒", Kind.GAUGE, "titlecert_queue_oldest_seconds", 1),
            new Chart("generated", "生成速度", "本/秒", Kind.PER_SECOND, "titlecert_certificates_generated_total", 1),
            new Chart("render", "平均渲染耗时", "秒", Kind.MEAN, "titlecert_certificate_render_seconds", 1),
            new Chart("failures", "生成失败", "次/分", Kind.PER_MINUTE, "titlecert_certificate_failures_total", 1),
            new Chart("verifications", "验证查询", "次/分", Kind.PER_MINUTE, "titlecert_verifications_total", 1),
            new Chart("refusals", "验证限流", "次/分", Kind.PER_MINUTE, "titlecert_verification_refusals_total", 1),
            new Chart("logins", "登录成功", "次/分", Kind.PER_MINUTE, "titlecert_logins_total|outcome=SUCCESS", 1),
            new Chart("login_failures", "登录失败或被限", "次/分", Kind.PER_MINUTE,
                    "titlecert_logins_total|outcome=FAILURE,titlecert_logins_total|outcome=DENIED", 1),
            new Chart("http_errors", "服务器错误 5xx", "次/分", Kind.PER_MINUTE,
                    "titlecert_api_requests_total|status=5,titlecert_page_requests_total|status=5", 1),
            new Chart("heap", "JVM 堆内存", "MB", Kind.GAUGE, "heap", MB),
            new Chart("disk_free", "数据盘可用", "MB", Kind.GAUGE, "titlecert_data_disk_free_bytes", MB));

    @Reference
    private Registry registry;

    private final Deque<Double[]> points = new ArrayDeque<>();
    private double[] lastTotals = new double[CHARTS.size() * 2];
    private long lastAt;
    private Instant sampledAt = Instant.now();
    private int interval;
    private ScheduledExecutorService sampler;

    @Activate
    void activate(MetricsConfig config) {
        interval = Math.max(1, config.sampleSeconds());
        lastTotals = totals();
        lastAt = System.nanoTime();
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "titlecert-metrics-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        sampler.shutdownNow();
    }

    @Override
    public void writePrometheus(Caller caller, OutputStream out) throws IOException {
        allowed(caller);
        registry.writePrometheus(out);
    }

    @Override
    public synchronized Dashboard dashboard(Caller caller) {
        allowed(caller);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart c = CHARTS.get(i);
            List<Double> values = new ArrayList<>(POINTS);
            for (Double[] p : points) {
                values.add(p[i]);
            }
            series.add(new Series(c.key(), c.title(), c.unit(), values));
        }
        return new Dashboard(sampledAt, interval, series);
    }

    private static void allowed(Caller caller) {
        if (!caller.isSystem() || !caller.hasScope(Scopes.METRICS_READ)) {
            throw TitleCertException.forbidden("METRICS_FORBIDDEN", "只有系统管理员可以查看运行指标");
        }
    }

    /** Each chart's running totals now: the total, and for means the count. */
    private double[] totals() {
        double[] t = new double[CHARTS.size() * 2];
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart c = CHARTS.get(i);
            switch (c.kind()) {
                case PER_SECOND, PER_MINUTE -> {
                    for (String source : c.source().split(",")) {
                        t[2 * i] += source.contains("=") ? registry.totalStartingWith(source) : registry.total(source);
                    }
                }
                case MEAN -> {
                    t[2 * i] = registry.total(c.source() + "_sum");
                    t[2 * i + 1] = registry.total(c.source() + "_count");
                }
                default -> { }
            }
        }
        return t;
    }

    synchronized void sample() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastAt) / 1e9);
        double[] totals = totals();
        Double[] p = new Double[CHARTS.size()];
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart c = CHARTS.get(i);
            double delta = totals[2 * i] - lastTotals[2 * i];
            p[i] = switch (c.kind()) {
                case GAUGE -> value(c.source().equals("heap") ? heapUsed() : registry.gauge(c.source()), c.scale());
                case PER_SECOND -> round(delta / seconds);
                case PER_MINUTE -> round(delta * 60 / seconds);
                case MEAN -> {
                    double count = totals[2 * i + 1] - lastTotals[2 * i + 1];
                    yield count > 0 ? round(delta / count) : null;
                }
            };
        }
        lastTotals = totals;
        lastAt = now;
        sampledAt = Instant.now();
        points.addLast(p);
        while (points.size() > POINTS) {
            points.removeFirst();
        }
    }

    private static double heapUsed() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static Double value(double v, double scale) {
        return Double.isNaN(v) ? null : round(v / scale);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
