package org.titlecert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.titlecert.itests.Platform;

/** Streams {@code jstat -gc <pid> 20}; used heap = S0U + S1U + EU + OU, in KB. */
public final class HeapSampler implements AutoCloseable {

    /**
     * Runs {@code work} {@code rounds} times after a full collection while jstat samples the platform's JVM;
     * returns {peak rise, baseline, capacity} in MB.
     */
    public static double[] rise(Platform platform, int rounds, Runnable work) throws Exception {
        collect(platform);
        try (HeapSampler sampler = new HeapSampler(platform.pid())) {
            Thread.sleep(1000);
            sampler.awaitSamples(5);
            double baseline = sampler.median();
            sampler.resetPeak();
            for (int round = 0; round < rounds; round++) {
                work.run();
            }
            Thread.sleep(200);
            return new double[] {(sampler.peak() - baseline) / 1024, baseline / 1024, sampler.capacity() / 1024};
        }
    }

    /** The platform's used heap just after a full collection, in MB: what it holds on to, garbage aside. */
    public static double retained(Platform platform) throws Exception {
        collect(platform);
        try (HeapSampler sampler = new HeapSampler(platform.pid())) {
            sampler.awaitSamples(5);
            return sampler.median() / 1024;
        }
    }

    private static void collect(Platform platform) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(platform.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gc.waitFor()).isZero();
    }

    private final Process jstat;
    private final List<Double> used = new ArrayList<>();
    private volatile double peak;
    private volatile double capacity;
    private final Thread reader;

    HeapSampler(long pid) throws IOException {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "jstat");
        jstat = new ProcessBuilder(bin.toString(), "-gc", Long.toString(pid), "20").redirectErrorStream(true)
                .start();
        reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String[] header = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("S0C")) {
                    header = f;
                    continue;
                }
                if (header == null || f.length != header.length) {
                    continue;
                }
                double u = 0;
                double c = 0;
                for (int i = 0; i < header.length; i++) {
                    switch (header[i]) {
                        case "S0U", "S1U", "EU", "OU" -> u += Double.parseDouble(f[i]);
                        case "S0C", "S1C", "EC", "OC" -> c += Double.parseDouble(f[i]);
                        default -> { }
                    }
                }
                synchronized (used) {
                    used.add(u);
                }
                peak = Math.max(peak, u);
                capacity = Math.max(capacity, c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jstat itself takes a moment to start on a busy machine: waits for samples, not for a fixed time. */
    void awaitSamples(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (samples() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    double median() {
        synchronized (used) {
            assertThat(used).as("jstat produced samples").isNotEmpty();
            double[] v = used.stream().mapToDouble(Double::doubleValue).toArray();
            return Figures.median(v);
        }
    }

    void resetPeak() {
        peak = 0;
    }

    double peak() {
        return peak;
    }

    double capacity() {
        return capacity;
    }

    int samples() {
        synchronized (used) {
            return used.size();
        }
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
