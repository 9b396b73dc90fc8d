package org.titlecert.verification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.jpa.Transactions;
import org.titlecert.metrics.Metrics;
import org.titlecert.verification.CheckRecord;

/**
 * 查验记录, written off the request's path: a check is put in a bounded buffer (never waiting), and one writer
 * thread stores what has gathered in one transaction at a time. A batch the database refuses is tried again;
 * when the buffer is full, a check is counted as dropped rather than slowing verification down. On stop, what is
 * buffered is written first. The writer is never interrupted: an interrupted Derby connection is closed.
 */
final class CheckLog {

    private static final Logger LOG = LoggerFactory.getLogger(CheckLog.class);
    private static final int BATCH = 500;

    private final Transactions jpa;
    private final BlockingQueue<Check> buffer;
    private final Metrics.Counter checks;
    private final Thread writer;
    private volatile boolean running = true;

    CheckLog(Transactions jpa, int capacity, Metrics metrics) {
        this.jpa = jpa;
        this.buffer = new ArrayBlockingQueue<>(Math.max(100, capacity));
        this.checks = metrics.counter("titlecert_verification_checks_logged_total",
                "Checks of certificates for the holders' 查验记录, by outcome (written, dropped)", "outcome");
        metrics.gauge("titlecert_verification_check_log_pending", "Checks waiting to be written to 查验记录",
                buffer::size);
        this.writer = new Thread(this::run, "titlecert-check-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** A check as it waits to be written: what the holder sees, and the verifier that made it, if one did. */
    record Check(CheckRecord record, Long verifierId) {
    }

    void record(CheckRecord r, Long verifierId) {
        record(new Check(r, verifierId));
    }

    private void record(Check r) {
        if (!buffer.offer(r)) {
            checks.inc("dropped");
        }
    }

    /** Writes what is buffered, waiting at most a few seconds. */
    void stop() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Check> batch = new ArrayList<>(BATCH);
        int failures = 0;
        while (running || !buffer.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Check first = buffer.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    buffer.drainTo(batch, BATCH - 1);
                }
                jpa.run(em -> batch.forEach(r -> em.persist(new CheckEntity(r.record(), r.verifierId()))));
                batch.forEach(r -> checks.inc("written"));
                batch.clear();
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("Could not write {} checks to 查验记录 (attempt {}): {}", batch.size(), failures, e.toString());
                if (!running && failures >= 3) {
                    batch.forEach(r -> checks.inc("dropped"));
                    return;
                }
                pause(Math.min(30_000, 500L << Math.min(failures, 6)));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
