package org.titlecert.jpa;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * SQL updates on a bundle's own tables. OpenJPA turns a JPQL bulk update or delete into
 * {@code UPDATE … WHERE ID IN (SELECT …)}, which Derby answers with a scan of the whole table, so a queue that
 * updates its rows one by one with JPQL slows down as it grows; the same statement in SQL is an index lookup.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * Runs an SQL update with positional parameters; times and enums are converted for JDBC, and a null is written
     * as the literal {@code NULL} (a null parameter has no SQL type Derby accepts).
     */
    public static int update(EntityManager em, String sql, Object... params) {
        StringBuilder text = new StringBuilder(sql.length());
        List<Object> bound = new ArrayList<>();
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
        Query q = em.createNativeQuery(text.toString());
        for (int i = 0; i < bound.size(); i++) {
            q.setParameter(i + 1, bound.get(i));
        }
        return q.executeUpdate();
    }

    /**
     * Rows of an SQL query with positional parameters, each row an array of its columns. For lookups that need
     * {@link #index(String)}.
     */
    public static List<Object[]> rows(EntityManager em, String sql, List<?> params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        List<?> rows = q.getResultList();
        return rows.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }

    /**
     * Derby's optimizer override that makes a table expression in SQL use this index (elsewhere a comment, so the
     * statement is the same on PostgreSQL). Derby keeps no index statistics here, and without them it costs each
     * value of an IN list on a non-unique index as a tenth of the table: it scans the whole table instead, a scan
     * per query that grows with the table. Unique indexes do not need this.
     */
    public static String index(String name) {
        return " --DERBY-PROPERTIES index=" + name + "\n";
    }

    /** {@code ?, ?, ?} for an IN list of n values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * The values of an IN list, padded with its last value to a power of two (at least 8): Derby compiles a
     * statement (into a new class) per distinct SQL text, so lists of every length would each cost a compile and
     * crowd its statement cache; padded, a few shapes serve all.
     */
    public static <T> List<T> inList(List<T> values) {
        int size = Math.max(8, Integer.highestOneBit(Math.max(1, values.size() - 1)) << 1);
        if (values.isEmpty() || values.size() == size) {
            return values;
        }
        List<T> padded = new ArrayList<>(size);
        padded.addAll(values);
        while (padded.size() < size) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
    }
}
