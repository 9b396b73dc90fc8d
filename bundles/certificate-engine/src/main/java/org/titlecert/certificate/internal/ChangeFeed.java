package org.titlecert.certificate.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;

/**
 * Which certificates' public answers changed, shared by the nodes of one database (PostgreSQL), so that every node
 * keeps its answers for hot tokens as long as they hold and drops one within about a second of its certificate changing
 * on any node. A node writes the tokens it changed and reads the others' once a second, by the database's clock, with
 * an overlap that a late commit cannot slip through (reading a change twice only drops an answer twice).
 */
final class ChangeFeed {

    /** How far back each read looks again before the last one. */
    private static final long OVERLAP_MS = 5_000;
    /** How long changes are kept for nodes to read. */
    private static final long KEPT_MS = 10 * 60_000;
    /** Old changes are cleared every this many exchanges. */
    private static final int PRUNE_EVERY = 60;
    /** Rows written per statement. */
    private static final int BATCH = 100;

    private final Transactions jpa;
    private final String node;
    private final Set<String> pending = new LinkedHashSet<>();
    private Timestamp lastRead;
    private int exchanges;

    /** @param node this node's name; each start writes under its own name, so that two nodes never share one */
    ChangeFeed(Transactions jpa, String node) {
        this.jpa = jpa;
        this.node = Db.cut(node, 180) + "#" + Long.toHexString(new java.security.SecureRandom().nextLong());
    }

    /** Tokens whose certificates this node changed (committed), for the other nodes. */
    synchronized void publish(Collection<String> tokens) {
        pending.addAll(tokens);
    }

    /**
     * Writes this node's changes since the last exchange and reads the other nodes' since the last read; called once
     * a second. Returns the tokens the other nodes changed. What could not be written is written next time.
     */
    List<String> exchange() {
        List<String> mine;
        synchronized (this) {
            mine = new ArrayList<>(pending);
            pending.clear();
        }
        try {
            return jpa.call(em -> {
                Timestamp now = (Timestamp) em.createNativeQuery("SELECT CURRENT_TIMESTAMP").getSingleResult();
                for (int from = 0; from < mine.size(); from += BATCH) {
                    List<String> batch = mine.subList(from, Math.min(mine.size(), from + BATCH));
                    List<Object> params = new ArrayList<>();
                    batch.forEach(token -> params.addAll(List.of(token, node, now)));
                    Sql.update(em, "INSERT INTO TC_PUBLIC_CHANGE (TOKEN, NODE, CHANGED_AT) VALUES "
                            + String.join(", ", java.util.Collections.nCopies(batch.size(), "(?, ?, ?)")),
                            params.toArray());
                }
                Timestamp since = new Timestamp((lastRead == null ? now.getTime() : lastRead.getTime()) - OVERLAP_MS);
                List<String> theirs = Sql.rows(em, "SELECT DISTINCT TOKEN FROM TC_PUBLIC_CHANGE WHERE CHANGED_AT > ? "
                        + "AND NODE <> ?", List.of(since, node)).stream().map(r -> (String) r[0]).toList();
                if (++exchanges % PRUNE_EVERY == 0) {
                    Sql.update(em, "DELETE FROM TC_PUBLIC_CHANGE WHERE CHANGED_AT < ?",
                            new Timestamp(now.getTime() - KEPT_MS));
                }
                lastRead = now;
                return theirs;
            });
        } catch (RuntimeException e) {
            publish(mine);
            throw e;
        }
    }
}
