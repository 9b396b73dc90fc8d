package org.titlecert.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.titlecert.jpa.Transactions;

/**
 * The login throttle's counts in TC_LOGIN_FAILURE, so that every node throttles alike. Increments are
 * single SQL updates, atomic on any database; a first failure inserts, and a racing insert retries as an update.
 */
final class JpaFailureStore implements LoginThrottle.Store {

    private static final int MAX_KEY = 120;

    private final Transactions jpa;
    private final AtomicInteger writes = new AtomicInteger();

    JpaFailureStore(Transactions jpa) {
        this.jpa = jpa;
    }

    @Override
    public LoginThrottle.Failures get(String key, Instant since) {
        LoginFailureEntity f = jpa.call(em -> em.find(LoginFailureEntity.class, bounded(key)));
        if (f == null || f.getLastAt().isBefore(local(since))) {
            return null;
        }
        return new LoginThrottle.Failures(f.getFailures(), f.getLastAt().toInstant(ZoneOffset.UTC));
    }

    @Override
    public void failed(String key, Instant now, Instant since) {
        String k = bounded(key);
        Timestamp at = Timestamp.valueOf(local(now));
        Timestamp fresh = Timestamp.valueOf(local(since));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jpa.run(em -> {
                    int counted = em.createNativeQuery("UPDATE TC_LOGIN_FAILURE SET FAILURES = CASE WHEN LAST_AT < ? "
                                    + "THEN 1 ELSE FAILURES + 1 END, LAST_AT = ? WHERE KEY_ID = ?")
                            .setParameter(1, fresh).setParameter(2, at).setParameter(3, k).executeUpdate();
                    if (counted == 0) {
                        em.persist(new LoginFailureEntity(k, local(now)));
                        em.flush();
                    }
                    if (writes.incrementAndGet() % 1000 == 0) {
                        em.createNativeQuery("DELETE FROM TC_LOGIN_FAILURE WHERE LAST_AT < ?").setParameter(1, fresh)
                                .executeUpdate();
                    }
                });
                return;
            } catch (PersistenceException raced) {
                // another node or thread inserted the same key first: count again as an update
            }
        }
    }

    @Override
    public void clear(String key) {
        jpa.run(em -> em.createNativeQuery("DELETE FROM TC_LOGIN_FAILURE WHERE KEY_ID = ?").setParameter(1, bounded(key))
                .executeUpdate());
    }

    private static String bounded(String key) {
        return key.length() <= MAX_KEY ? key : Secrets.sha256(key);
    }

    private static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
