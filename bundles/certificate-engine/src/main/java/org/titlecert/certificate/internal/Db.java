package org.titlecert.certificate.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;

import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;

/**
 * Small helpers for the engine's transactions; times are stored in UTC.
 * Updates go through SQL on the engine's own tables ({@link Sql}).
 */
final class Db {

    private static final Clock CLOCK = Clock.systemUTC();

    private Db() {
    }

    static LocalDateTime now() {
        return LocalDateTime.now(CLOCK);
    }

    /** Runs the work in a transaction, with the current time. */
    static <T> T now(Transactions jpa, BiFunction<EntityManager, LocalDateTime, T> work) {
        LocalDateTime now = now();
        return jpa.call(em -> work.apply(em, now));
    }

    /** Whether the data source is PostgreSQL (else embedded Derby). */
    static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
