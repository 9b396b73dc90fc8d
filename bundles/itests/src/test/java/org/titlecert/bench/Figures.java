package org.titlecert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Collects benchmark figures: printed, and appended to target/benchmarks.txt. */
final class Figures {

    private Figures() {
    }

    /** Whether this run's first figure, with the machine it was measured on, is out yet. */
    private static boolean started;

    static synchronized void report(String line) {
        if (!started) {
            started = true;
            report("# " + java.time.Instant.now() + ": " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + "load average " + String.format("%.2f", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage()) + " before the run (the platform, the load "
                    + "generator and Maven share the machine; nothing else was started), Java "
                    + System.getProperty("java.version"));
        }
        System.out.println("BENCH " + line);
        try {
            Path out = Path.of(System.getProperty("titlecert.bench.out", "target/benchmarks.txt"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }
}
