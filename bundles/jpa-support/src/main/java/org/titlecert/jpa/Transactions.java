package org.titlecert.jpa;

import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Runs work in one resource-local transaction on a fresh EntityManager: commit on return,
 * roll back on any exception, close always. Each call is its own unit of work.
 */
public final class Transactions {

    private final EntityManagerFactory emf;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public <T> T call(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        call(em -> {
            work.accept(em);
            return null;
        });
    }
}
