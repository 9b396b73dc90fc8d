package org.titlecert.certificate.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;

import org.titlecert.jpa.Transactions;

/**
 * Small helpers for the engine's transactions; times are stored in UTC.
 * <p>
 * Updates go through SQL on the engine's own tables: OpenJPA turns a JPQL bulk update into
 * {@code UPDATE … WHERE ID IN (SELECT …)}, which Derby answers with a scan of the whole table.
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

    /**
     * Runs an SQL update with positional parameters; times and enums are converted for JDBC, and a null
     * is written as the literal {@code NULL} (a null parameter has no SQL type Derby accepts).
     */
    static int update(EntityManager em, String sql, Object... params) {
        StringBuilder text = new StringBuilder(sql.length());
        java.util.List<Object> bound = new java.util.ArrayList<>();
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch != '?') {
                text.append(ch);
            } else if (params[p++] == null) {
                text.append("NULL");
            } else {
                text.append('?');
                Object v = params[p - 1];
                bound.add(v instanceof LocalDateTime t ? java.sql.Timestamp.valueOf(t)
                        : v instanceof Enum<?> e ? e.name() : v);
            }
        }
        javax.persistence.Query q = em.createNativeQuery(text.toString());
        for (int i = 0; i < bound.size(); i++) {
            q.setParameter(i + 1, bound.get(i));
        }
        return q.executeUpdate();
    }

    /** {@code ?, ?, ?} for an IN list of n values. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * The values of an IN list, padded with its last value to a power of two (at least 8): Derby compiles a
     * statement (into a new class) per distinct SQL text, so lists of every length would each cost a compile
     * and crowd its statement cache; padded, a few shapes serve all.
     */
    static java.util.List<Long> inList(java.util.List<Long> values) {
        int size = Math.max(8, Integer.highestOneBit(Math.max(1, values.size() - 1)) << 1);
        if (values.isEmpty() || values.size() == size) {
            return values;
        }
        java.util.List<Long> padded = new java.util.ArrayList<>(size);
        padded.addAll(values);
        while (padded.size() < size) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
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
