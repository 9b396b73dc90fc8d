package org.titlecert.certificate.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;

import org.titlecert.jpa.Transactions;

/** Small helpers for the engine's transactions; times are stored in UTC. */
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

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
