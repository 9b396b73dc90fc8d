package org.titlecert.identity.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.SharedCounts;
import org.titlecert.jpa.Transactions;

/**
 * Rate-limit counts in the database ({@code TC_RATE_COUNT}), so that a client's limit holds however the load
 * balancer spreads its requests. Counts of finished minutes are deleted now and then.
 */
@Component(service = SharedCounts.class)
public class JpaSharedCounts implements SharedCounts {

    private static final int MAX_KEY = 120;

    private final Transactions jpa;
    private final AtomicLong writes = new AtomicLong();

    @Activate
    public JpaSharedCounts(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf) {
        this.jpa = new Transactions(emf);
    }

    @Override
    public Map<String, Long> add(String limiter, long minute, Map<String, Long> hits) {
        Map<String, String> keys = new HashMap<>();
        hits.keySet().forEach(client -> keys.put(key(limiter, minute, client), client));
        for (int attempt = 0; ; attempt++) {
            try {
                return jpa.call(em -> {
                    hits.forEach((client, n) -> {
                        if (n > 0) {
                            count(em, key(limiter, minute, client), minute, n);
                        }
                    });
                    if (writes.incrementAndGet() % 500 == 0) {
                        em.createNativeQuery("DELETE FROM TC_RATE_COUNT WHERE MINUTE_NO < ?")
                                .setParameter(1, minute - 1).executeUpdate();
                    }
                    Map<String, Long> totals = new HashMap<>();
                    List<String> all = new ArrayList<>(keys.keySet());
                    for (int i = 0; i < all.size(); i += 500) {
                        em.createQuery("SELECT c FROM RateCountEntity c WHERE c.key IN :keys", RateCountEntity.class)
                                .setParameter("keys", all.subList(i, Math.min(all.size(), i + 500))).getResultList()
                                .forEach(c -> totals.put(keys.get(c.getKey()), c.getHits()));
                    }
                    return totals;
                });
            } catch (PersistenceException raced) {
                // another node inserted the same client's first count: count again as an update
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    private static void count(EntityManager em, String key, long minute, long n) {
        int updated = em.createNativeQuery("UPDATE TC_RATE_COUNT SET HITS = HITS + ? WHERE KEY_ID = ?")
                .setParameter(1, n).setParameter(2, key).executeUpdate();
        if (updated == 0) {
            em.persist(new RateCountEntity(key, minute, n));
            em.flush();
        }
    }

    private static String key(String limiter, long minute, String client) {
        String key = limiter + "|" + minute + "|" + client;
        return key.length() <= MAX_KEY ? key : limiter + "|" + minute + "|" + Secrets.sha256(client);
    }
}
