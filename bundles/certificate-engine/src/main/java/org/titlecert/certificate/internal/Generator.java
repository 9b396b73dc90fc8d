package org.titlecert.certificate.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.jpa.Transactions;
import org.titlecert.photo.Photo;
import org.titlecert.photo.PhotoService;
import org.titlecert.store.ContentStore;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.TemplateException;

/**
 * Works the generation queue: a dispatcher claims queued certificates in the database (so that several
 * nodes can share the queue, and a node that stops leaves its claims to expire) and hands them to worker
 * threads, each with its own renderers. A render becomes current only if no newer request for the same
 * certificate came in meanwhile; otherwise the certificate stays queued and is rendered again.
 */
final class Generator {

    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);
    static final Caller ENGINE = Caller.system("certificate-engine");

    /** What the generator needs from its component. */
    record Context(Transactions jpa, FilingService filings, PhotoService photos, Templates templates,
                   ContentStore store, String node, int workers, int leaseSeconds,
                   java.util.function.Function<String, String> verificationUrl,
                   java.util.function.BiConsumer<Long, Integer> generated) {
    }

    private final Context ctx;
    private final BlockingQueue<Long> work = new LinkedBlockingQueue<>();
    private final Set<Long> inflight = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong claims = new AtomicLong();
    private final Throughput throughput = new Throughput();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Generator(Context ctx) {
        this.ctx = ctx;
    }

    void start() {
        int released = Db.now(ctx.jpa(), (em, now) -> em.createQuery("UPDATE CertificateEntity c SET c.claimedBy = NULL, "
                + "c.claimedAt = NULL WHERE c.claimedBy LIKE :node").setParameter("node", ctx.node() + "#%")
                .executeUpdate());
        if (released > 0) {
            LOG.info("Resuming {} certificates this node was generating when it stopped", released);
        }
        Thread dispatcher = new Thread(this::dispatch, "titlecert-certificate-dispatcher");
        threads.add(dispatcher);
        for (int i = 0; i < ctx.workers(); i++) {
            threads.add(new Thread(new Worker(), "titlecert-certificate-worker-" + (i + 1)));
        }
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
    }

    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Something was queued: look now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    double perSecond() {
        return throughput.perSecond();
    }

    private void dispatch() {
        int capacity = Math.max(4, ctx.workers() * 4);
        while (running) {
            try {
                int free = capacity - inflight.size();
                int claimed = 0;
                if (free > 0) {
                    for (long id : claim(free)) {
                        inflight.add(id);
                        work.add(id);
                        claimed++;
                    }
                }
                if (claimed < free || free <= 0) {
                    wake.tryAcquire(2, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not claim queued certificates; trying again shortly", e);
                sleepQuietly(2000);
            }
        }
    }

    /** Claims up to {@code max} queued certificates, oldest request first, for this node. */
    private List<Long> claim(int max) {
        String claim = ctx.node() + "#" + claims.incrementAndGet();
        return Db.now(ctx.jpa(), (em, now) -> {
            LocalDateTime expired = now.minusSeconds(ctx.leaseSeconds());
            List<Long> ids = em.createQuery("SELECT c.id FROM CertificateEntity c WHERE c.status = :q "
                            + "AND (c.claimedBy IS NULL OR c.claimedAt < :expired) ORDER BY c.queuedAt, c.id", Long.class)
                    .setParameter("q", GenerationStatus.QUEUED).setParameter("expired", expired)
                    .setMaxResults(max).getResultList();
            if (ids.isEmpty()) {
                return ids;
            }
            em.createQuery("UPDATE CertificateEntity c SET c.claimedBy = :claim, c.claimedAt = :now "
                            + "WHERE c.id IN :ids AND c.status = :q AND (c.claimedBy IS NULL OR c.claimedAt < :expired)")
                    .setParameter("claim", claim).setParameter("now", now).setParameter("ids", ids)
                    .setParameter("q", GenerationStatus.QUEUED).setParameter("expired", expired).executeUpdate();
            return em.createQuery("SELECT c.id FROM CertificateEntity c WHERE c.id IN :ids AND c.claimedBy = :claim "
                    + "ORDER BY c.queuedAt, c.id", Long.class).setParameter("ids", ids).setParameter("claim", claim)
                    .getResultList();
        });
    }

    /** One rendering thread and its renderers, one per template it has used. */
    private final class Worker implements Runnable {

        private final Map<Templates.Entry, CertificateRenderer> renderers = new HashMap<>();

        @Override
        public void run() {
            try {
                while (running) {
                    Long id = work.poll(1, TimeUnit.SECONDS);
                    if (id == null) {
                        continue;
                    }
                    try {
                        generate(id);
                    } catch (RuntimeException e) {
                        LOG.error("Generating certificate {} failed", id, e);
                    } finally {
                        inflight.remove(id);
                        wake.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                renderers.values().forEach(CertificateRenderer::close);
            }
        }

        private CertificateRenderer renderer(Templates.Entry template) {
            // renderers of templates that went away are closed here, by the thread that used them
            renderers.entrySet().removeIf(e -> {
                boolean gone = !ctx.templates().contains(e.getKey());
                if (gone) {
                    e.getValue().close();
                }
                return gone;
            });
            return renderers.computeIfAbsent(template, t -> t.template().newRenderer());
        }

        private void generate(long id) {
            CertificateEntity c = ctx.jpa().call(em -> em.find(CertificateEntity.class, id));
            if (c == null || c.getStatus() != GenerationStatus.QUEUED || c.getClaimedBy() == null
                    || !c.getClaimedBy().startsWith(ctx.node() + "#")) {
                return;
            }
            long rev = c.getRequested();
            try {
                PersonTitle t = ctx.filings().title(ENGINE, c.getRosterEntryId());
                if (ctx.photos().info(ENGINE, c.getPersonId()).isEmpty()) {
                    finish(id, rev, GenerationStatus.NOT_GENERATED, Reasons.NO_PHOTO);
                    return;
                }
                Photo photo = ctx.photos().get(ENGINE, c.getPersonId());
                Templates.Entry template = ctx.templates().best(c.getRegion()).orElse(null);
                if (template == null) {
                    finish(id, rev, GenerationStatus.FAILED, Reasons.NO_TEMPLATE);
                    return;
                }
                RenderedCertificate pdf = renderer(template).render(content(c, t, photo.jpeg()));
                store(c, rev, pdf.pdf(), template);
            } catch (TemplateException e) {
                LOG.warn("Certificate {} cannot be generated: {} {}", c.getNumber(), e.code(), e.getMessage());
                finish(id, rev, GenerationStatus.FAILED, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Certificate {} could not be generated", c.getNumber(), e);
                finish(id, rev, GenerationStatus.FAILED, Reasons.INTERNAL);
            }
        }
    }

    private CertificateContent content(CertificateEntity c, PersonTitle t, byte[] photo) {
        return new CertificateContent(c.getNumber(), t.name(), t.gender(), t.birthDate(), t.idNumber(), t.employer(),
                t.series(), t.specialty(), t.titleName(), t.level(), t.committee().name(), t.approvalNumber(),
                t.qualificationDate(), t.issuingAuthority().name(), t.issueDate(), photo,
                ctx.verificationUrl().apply(c.getToken()));
    }

    /** Stores the PDF atomically, then makes it current unless a newer request came in meanwhile. */
    private void store(CertificateEntity c, long rev, byte[] pdf, Templates.Entry template) {
        String sha = ctx.store().put(pdf);
        CRC32 crc = new CRC32();
        crc.update(pdf);
        Integer version = Db.now(ctx.jpa(), (em, now) -> {
            int n = em.createQuery("UPDATE CertificateEntity c SET c.status = :gen, c.failure = NULL, "
                            + "c.version = c.version + 1, c.sha256 = :sha, c.size = :size, c.crc32 = :crc, "
                            + "c.generatedAt = :now, c.templateId = :tid, c.templateKey = :key, c.claimedBy = NULL, "
                            + "c.claimedAt = NULL WHERE c.id = :id AND c.requested = :rev AND c.status = :q")
                    .setParameter("gen", GenerationStatus.GENERATED).setParameter("sha", sha)
                    .setParameter("size", (long) pdf.length).setParameter("crc", crc.getValue())
                    .setParameter("now", now).setParameter("tid", template.template().id())
                    .setParameter("key", template.key()).setParameter("id", c.getId()).setParameter("rev", rev)
                    .setParameter("q", GenerationStatus.QUEUED).executeUpdate();
            if (n == 0) {
                release(em, c.getId());
                return null;
            }
            int v = em.createQuery("SELECT c.version FROM CertificateEntity c WHERE c.id = :id", Integer.class)
                    .setParameter("id", c.getId()).getSingleResult();
            em.persist(new CertificateVersionEntity(c.getId(), v, sha, template.key(), now));
            return v;
        });
        if (version == null) {
            ctx.store().delete(sha);
            return;
        }
        if (c.getSha256() != null && !c.getSha256().equals(sha)) {
            ctx.store().delete(c.getSha256());
        }
        throughput.record(System.nanoTime());
        ctx.generated().accept(c.getId(), version);
    }

    /** Ends a render without a new PDF, unless a newer request came in meanwhile. */
    private void finish(long id, long rev, GenerationStatus status, String reason) {
        Db.now(ctx.jpa(), (em, now) -> {
            int n = em.createQuery("UPDATE CertificateEntity c SET c.status = :s, c.failure = :r, c.claimedBy = NULL, "
                            + "c.claimedAt = NULL WHERE c.id = :id AND c.requested = :rev AND c.status = :q")
                    .setParameter("s", status).setParameter("r", Db.cut(reason, 500)).setParameter("id", id)
                    .setParameter("rev", rev).setParameter("q", GenerationStatus.QUEUED).executeUpdate();
            if (n == 0) {
                release(em, id);
            }
            return n;
        });
    }

    private static void release(javax.persistence.EntityManager em, long id) {
        em.createQuery("UPDATE CertificateEntity c SET c.claimedBy = NULL, c.claimedAt = NULL WHERE c.id = :id")
                .setParameter("id", id).executeUpdate();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completed renders in the last ten seconds. */
    private static final class Throughput {
        private final long[] times = new long[512];
        private int next;
        private int count;

        synchronized void record(long nanos) {
            times[next] = nanos;
            next = (next + 1) % times.length;
            count = Math.min(count + 1, times.length);
        }

        synchronized double perSecond() {
            long now = System.nanoTime();
            long window = TimeUnit.SECONDS.toNanos(10);
            int recent = 0;
            long oldest = now;
            for (int i = 0; i < count; i++) {
                long t = times[(next - 1 - i + times.length) % times.length];
                if (now - t > window) {
                    break;
                }
                recent++;
                oldest = t;
            }
            if (recent < 2) {
                return 0;
            }
            return recent / Math.max(1e-3, (now - oldest) / 1e9);
        }
    }
}
