package org.titlecert.notice.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.metrics.Metrics;
import org.titlecert.notice.Message;
import org.titlecert.notice.NotificationChannel;
import org.titlecert.notice.Recipient;

/**
 * The delivery queue: a notice is queued once per channel that can reach its recipient (a key makes a repeat a
 * no-op), and each channel has its own worker, so that a slow or dead SMTP server delays neither the act that
 * caused the notice nor the message centre. A worker claims a due row by a conditional update (one node delivers
 * it), delivers it, and marks it sent; a failure is retried with exponential backoff until the attempts run out.
 */
@Component(service = NoticeQueue.class, configurationPid = QueueConfig.PID)
@Designate(ocd = QueueConfig.class)
public class NoticeQueue {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeQueue.class);
    private static final int CHUNK = 200;
    /** Deliveries a channel claims at a time. */
    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** A delivery attempted (an error, or null once sent), or handed back untried. */
    private record Outcome(DeliveryEntity delivery, String error, boolean giveUp, boolean handedBack) {
    }

    /** A notice for one recipient. */
    record Entry(Recipient recipient, Message message) {
    }

    private final Transactions jpa;
    private volatile QueueConfig config;
    private final Metrics.Counter deliveries;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean active = true;
    private volatile long pendingCountedAt;
    private volatile long pending;

    @Activate
    public NoticeQueue(@Reference(target = "(&(osgi.unit.name=titlecert-notice)" + Schema.CURRENT + ")")
                       EntityManagerFactory emf, @Reference Metrics metrics, QueueConfig config) {
        this.jpa = new Transactions(emf);
        this.config = config;
        this.deliveries = metrics.counter("titlecert_notice_deliveries_total",
                "Notice deliveries by channel and outcome (sent, retry, failed)", "channel", "outcome");
        metrics.gauge("titlecert_notice_queue_pending", "Notice deliveries waiting, on all nodes", this::pending);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NotificationChannel channel) {
        Worker w = new Worker(channel);
        Worker old = workers.put(channel.name(), w);
        if (old != null) {
            old.stop();
        }
        w.start();
    }

    void removeChannel(NotificationChannel channel) {
        workers.computeIfPresent(channel.name(), (name, w) -> {
            if (w.channel != channel) {
                return w;
            }
            w.stop();
            return null;
        });
    }

    /** New timings apply from the next attempt; nothing restarts. */
    @Modified
    void modified(QueueConfig config) {
        this.config = config;
        workers.values().forEach(Worker::wake);
    }

    @Deactivate
    void deactivate() {
        active = false;
        workers.values().forEach(Worker::stop);
    }

    /**
     * Queues each entry once per channel that reaches its recipient, in a few transactions; never delivers. Returns
     * how many entries were new (a repeated key queues nothing).
     */
    int enqueue(List<Entry> entries) {
        return enqueue(entries, null);
    }

    /** As {@link #enqueue(List)}, on the named channel only when {@code only} is not null. */
    int enqueue(List<Entry> entries, String only) {
        int added = 0;
        for (int i = 0; i < entries.size(); i += CHUNK) {
            List<Entry> chunk = entries.subList(i, Math.min(entries.size(), i + CHUNK));
            try {
                added += insert(chunk, only);
            } catch (PersistenceException e) {
                // another node queued some of the same keys meanwhile: the second pass skips them
                added += insert(chunk, only);
            }
        }
        workers.values().forEach(Worker::wake);
        return added;
    }

    private int insert(List<Entry> chunk, String only) {
        List<NotificationChannel> channels = workers.values().stream().map(w -> w.channel)
                .filter(c -> only == null || only.equals(c.name())).toList();
        return jpa.call(em -> {
            Set<String> existing = new HashSet<>();
            List<String> keys = Sql.inList(chunk.stream().map(e -> e.message().reference()).distinct().toList());
            Sql.rows(em, "SELECT CHANNEL, DEDUPE_KEY FROM TC_NOTICE_DELIVERY" + Sql.index("TC_NOTICE_DELIVERY_KEY")
                    + " WHERE DEDUPE_KEY IN (" + Sql.marks(keys.size()) + ")", keys)
                    .forEach(r -> existing.add(r[0] + "\n" + r[1]));
            LocalDateTime now = LocalDateTime.now(clock);
            int added = 0;
            Set<String> seen = new HashSet<>();
            for (Entry e : chunk) {
                boolean any = false;
                for (NotificationChannel c : channels) {
                    String key = c.name() + "\n" + e.message().reference();
                    Optional<String> address = address(c, e.recipient());
                    if (address.isPresent() && !existing.contains(key) && seen.add(key)) {
                        em.persist(new DeliveryEntity(c.name(), address.get(), e.message(), now));
                        any = true;
                    }
                }
                added += any ? 1 : 0;
            }
            return added;
        });
    }

    private static Optional<String> address(NotificationChannel c, Recipient r) {
        try {
            return c.address(r).filter(a -> !a.isBlank() && a.length() <= 200);
        } catch (RuntimeException e) {
            LOG.warn("Channel {} could not address person {}", c.name(), r.personId(), e);
            return Optional.empty();
        }
    }

    /** Each channel's counts, the channels with a worker first. */
    List<org.titlecert.notice.ChannelStatus> status() {
        return jpa.call(em -> {
            Map<String, long[]> counts = new java.util.TreeMap<>();
            workers.keySet().forEach(c -> counts.put(c, new long[3]));
            em.createQuery("SELECT d.channel, d.status, COUNT(d) FROM DeliveryEntity d GROUP BY d.channel, d.status",
                    Object[].class).getResultList().forEach(r -> {
                long[] c = counts.computeIfAbsent((String) r[0], k -> new long[3]);
                int i = DeliveryEntity.PENDING.equals(r[1]) ? 0 : DeliveryEntity.SENT.equals(r[1]) ? 1 : 2;
                c[i] = ((Number) r[2]).longValue();
            });
            return counts.entrySet().stream().map(e -> new org.titlecert.notice.ChannelStatus(e.getKey(),
                    workers.containsKey(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                    em.createQuery("SELECT d.lastError FROM DeliveryEntity d WHERE d.channel = :c AND d.status <> :s "
                                    + "AND d.lastError IS NOT NULL ORDER BY d.nextAt DESC", String.class)
                            .setParameter("c", e.getKey()).setParameter("s", DeliveryEntity.SENT).setMaxResults(1)
                            .getResultList().stream().findFirst().orElse(null))).toList();
        });
    }

    /** Deliveries waiting, counted at most every few seconds. */
    private double pending() {
        long now = System.nanoTime();
        if (now - pendingCountedAt > TimeUnit.SECONDS.toNanos(5)) {
            try {
                pending = jpa.call(em -> em.createQuery("SELECT COUNT(d) FROM DeliveryEntity d WHERE d.status = :s",
                        Long.class).setParameter("s", DeliveryEntity.PENDING).getSingleResult());
                pendingCountedAt = now;
            } catch (RuntimeException e) {
                LOG.debug("Notice queue not counted", e);
            }
        }
        return pending;
    }

    /** When a delivery that failed for the n-th time is tried again. */
    Duration backoff(int attempts) {
        long seconds = (long) config.retryBaseSeconds() << Math.min(20, Math.max(0, attempts - 1));
        return seconds > MAX_BACKOFF.getSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    /** One channel's deliveries, in a thread of its own. */
    private final class Worker implements Runnable {
        private final NotificationChannel channel;
        private final Semaphore wake = new Semaphore(0);
        private final Thread thread;
        private volatile boolean running = true;

        Worker(NotificationChannel channel) {
            this.channel = channel;
            this.thread = new Thread(this, "titlecert-notice-" + channel.name());
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** Ends after the delivery under way, if any: never interrupted, as Derby closes an interrupted connection. */
        void stop() {
            running = false;
            wake.release();
        }

        void wake() {
            wake.release();
        }

        @Override
        public void run() {
            while (running && active) {
                int done = 0;
                try {
                    done = deliverDue();
                } catch (RuntimeException e) {
                    LOG.warn("Notices for {} not delivered this round: {}", channel.name(), e.toString());
                }
                if (done == 0) {
                    try {
                        wake.tryAcquire(Math.max(1, config.pollSeconds()), TimeUnit.SECONDS);
                        wake.drainPermits();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /**
         * Claims up to a batch of due deliveries in one transaction, delivers them, and records what became of them
         * in one more (or one a second, for a slow channel): a few commits per batch rather than two per delivery,
         * and SQL updates by key (see {@link Sql}). A batch is given up to half the lease:
         * what is left then is handed back at once rather than delivered after its lease ran out (when another node
         * may have taken it).
         */
        private int deliverDue() {
            LocalDateTime now = LocalDateTime.now(clock);
            // to the millisecond, so that it compares equal once stored (PostgreSQL keeps microseconds)
            LocalDateTime lease = now.plusSeconds(config.leaseSeconds()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            List<DeliveryEntity> claimed = jpa.call(em -> {
                List<Long> due = em.createQuery("SELECT d.id FROM DeliveryEntity d WHERE d.channel = :c "
                                + "AND d.status = :s AND d.nextAt <= :now ORDER BY d.nextAt, d.id", Long.class)
                        .setParameter("c", channel.name()).setParameter("s", DeliveryEntity.PENDING)
                        .setParameter("now", now).setMaxResults(BATCH).getResultList();
                // the lease moves each row's next attempt out of every other worker's way
                List<Long> mine = due.stream().filter(id -> Sql.update(em, "UPDATE TC_NOTICE_DELIVERY SET ATTEMPTS = "
                        + "ATTEMPTS + 1, NEXT_AT = ? WHERE ID = ? AND STATUS = ? AND NEXT_AT <= ?", lease, id,
                        DeliveryEntity.PENDING, now) == 1).toList();
                return mine.isEmpty() ? List.<DeliveryEntity>of() : em.createQuery("SELECT d FROM DeliveryEntity d "
                        + "WHERE d.id IN :ids ORDER BY d.nextAt, d.id", DeliveryEntity.class)
                        .setParameter("ids", Sql.inList(mine)).getResultList();
            });
            if (claimed.isEmpty()) {
                return 0;
            }
            if (channel instanceof BatchChannel batch && claimed.size() > 1 && deliverAll(batch, claimed, lease)) {
                return claimed.size();
            }
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(config.leaseSeconds()) / 2;
            long recorded = started;
            List<Outcome> outcomes = new ArrayList<>(claimed.size());
            int done = 0;
            for (DeliveryEntity d : claimed) {
                boolean inTime = running && System.nanoTime() < deadline;
                outcomes.add(inTime ? attempt(d) : new Outcome(d, null, false, true));
                done += inTime ? 1 : 0;
                // a slow channel (e-mail) records what it sent every second: a crash repeats little
                if (System.nanoTime() - recorded > TimeUnit.SECONDS.toNanos(1)) {
                    record(outcomes, lease);
                    outcomes.clear();
                    recorded = System.nanoTime();
                }
            }
            record(outcomes, lease);
            return done;
        }

        /** The whole batch in one delivery, recorded as sent; false (nothing recorded) if it failed. */
        private boolean deliverAll(BatchChannel batch, List<DeliveryEntity> claimed, LocalDateTime lease) {
            try {
                batch.deliverAll(claimed.stream().map(DeliveryEntity::message).toList());
            } catch (Exception e) {
                LOG.debug("A batch of {} notices by {} failed; delivering them one by one", claimed.size(),
                        channel.name(), e);
                return false;
            }
            record(claimed.stream().map(d -> new Outcome(d, null, false, false)).toList(), lease);
            return true;
        }

        private Outcome attempt(DeliveryEntity d) {
            String error = null;
            try {
                channel.deliver(d.getAddress(), d.message());
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                error = error.length() > 500 ? error.substring(0, 500) : error;
            }
            return new Outcome(d, error, error != null && d.getAttempts() >= config.maxAttempts(), false);
        }

        /**
         * Writes the outcomes. A row is handed back only while it still carries this batch's lease (else another
         * node has taken it over); a sent or failed row is recorded as such in any case, as it was before batching.
         */
        private void record(List<Outcome> outcomes, LocalDateTime lease) {
            if (outcomes.isEmpty()) {
                return;
            }
            LocalDateTime now = LocalDateTime.now(clock);
            jpa.run(em -> outcomes.forEach(o -> {
                long id = o.delivery().getId();
                if (o.handedBack()) {
                    Sql.update(em, "UPDATE TC_NOTICE_DELIVERY SET ATTEMPTS = ATTEMPTS - 1, NEXT_AT = ? WHERE ID = ? "
                            + "AND STATUS = ? AND NEXT_AT = ?", now, id, DeliveryEntity.PENDING, lease);
                } else if (o.error() == null) {
                    Sql.update(em, "UPDATE TC_NOTICE_DELIVERY SET STATUS = ?, SENT_AT = ?, LAST_ERROR = NULL "
                            + "WHERE ID = ?", DeliveryEntity.SENT, now, id);
                } else {
                    Sql.update(em, "UPDATE TC_NOTICE_DELIVERY SET STATUS = ?, LAST_ERROR = ?, NEXT_AT = ? WHERE ID = ?",
                            o.giveUp() ? DeliveryEntity.FAILED : DeliveryEntity.PENDING, o.error(),
                            now.plus(backoff(o.delivery().getAttempts())), id);
                }
            }));
            for (Outcome o : outcomes) {
                if (o.handedBack()) {
                    continue;
                }
                deliveries.inc(channel.name(), o.error() == null ? "sent" : o.giveUp() ? "failed" : "retry");
                if (o.error() != null) {
                    LOG.info("Notice {} by {} failed (attempt {}{}): {}", o.delivery().getId(), channel.name(),
                            o.delivery().getAttempts(), o.giveUp() ? ", given up" : "", o.error());
                }
            }
        }
    }
}
