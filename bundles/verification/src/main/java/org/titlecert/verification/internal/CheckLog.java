package org.titlecert.verification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.jpa.Sql;
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
                jpa.run(em -> write(em, batch));
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

    /**
     * Inserts a batch as one JDBC batch, its ids a block taken from the {@code CHECK} row of
     * {@code TC_VERIFICATION_SEQ} in the same transaction (the row holds the next id, as OpenJPA's table generator,
     * which wrote these rows before, kept it). Through JPA each row cost an entity, its managed state and its own
     * SQL; under a flood of checks that was a seventh of this writer's processor time (Derby's inserts are the rest).
     */
    private static void write(EntityManager em, List<Check> batch) {
        long first = reserve(em, batch.size());
        // the ids' update began the transaction on this connection: the rows are committed with it (closing this
        // handle before the commit is what OpenJPA asks; the connection stays with the transaction)
        try (Connection c = em.unwrap(Connection.class); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "TC_CHECK (ID, CHECKED_AT, CERT_NUMBER, TITLE_NAME, CHANNEL, ORGANIZATION, VERIFIER_ID) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            if (c.getAutoCommit()) {
                // not the transaction's connection: the ids and the rows would not be one unit of work
                throw new IllegalStateException("the checks' connection is outside the transaction");
            }
            long id = first;
            for (Check check : batch) {
                CheckRecord r = check.record();
                insert.setLong(1, id++);
                insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC)));
                insert.setString(3, r.certificateNumber());
                setString(insert, 4, r.titleName());
                insert.setString(5, r.channel().name());
                setString(insert, 6, r.organization());
                if (check.verifierId() == null) {
                    insert.setNull(7, Types.BIGINT);
                } else {
                    insert.setLong(7, check.verifierId());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the checks could not be written: " + e.getMessage(), e);
        }
    }

    /** The first of {@code n} ids, taken in the caller's transaction (the row stays locked until it ends). */
    private static long reserve(EntityManager em, int n) {
        String next = "SELECT SEQUENCE_VALUE FROM TC_VERIFICATION_SEQ WHERE ID = 'CHECK'";
        if (Sql.update(em, "UPDATE TC_VERIFICATION_SEQ SET SEQUENCE_VALUE = SEQUENCE_VALUE + ? WHERE ID = 'CHECK'",
                (long) n) == 0) {
            // the first checks ever: the row starts after any id there is
            Sql.update(em, "INSERT INTO TC_VERIFICATION_SEQ (ID, SEQUENCE_VALUE) SELECT 'CHECK', "
                    + "COALESCE(MAX(ID), 0) + 1 + CAST(? AS BIGINT) FROM TC_CHECK", (long) n);
        }
        return ((Number) Sql.rows(em, next, List.of()).get(0)[0]).longValue() - n;
    }

    private static void setString(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
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
