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

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.Faults;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.photo.PhotoService;
import org.titlecert.store.ContentStore;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.TemplateException;
import org.titlecert.template.Area;
import org.titlecert.template.SealRole;
import org.titlecert.seal.SealException;
import org.titlecert.seal.SealPlacement;
import org.titlecert.certificate.SealStatus;

/**
 * Works the generation queue as a pipeline, so that the rendering threads only render:
 * <ol>
 * <li>a dispatcher claims queued certificates in the database (so that several nodes can share the queue,
 * and a node that stops leaves its claims to expire) and reads what each needs: the title and the photo;</li>
 * <li>workers, one per core by default, each with its own renderers, draw the PDFs;</li>
 * <li>a committer stores the PDFs atomically and records a batch of them in one transaction.</li>
 * </ol>
 * A render becomes current only if no newer request for the same certificate came in meanwhile; otherwise
 * the certificate stays queued and is rendered again.
 */
final class Generator {

    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);
    static final Caller ENGINE = Caller.system("certificate-engine");

    /** What the generator needs from its component. */
    record Context(Transactions jpa, FilingService filings, PhotoService photos, Templates templates, Formats formats,
                   Seals seals, Seals ofdSeals, ContentStore store, ContentStore ofdStore, String node,
                   boolean skipLocked, int workers, int leaseSeconds,
                   java.util.function.Function<String, String> verificationUrl,
                   java.util.function.ObjIntConsumer<CertificateEntity> generated, EngineMetrics metrics,
                   Licence licence, java.util.function.Supplier<Map<Long, String>> authorityCreditCodes,
                   Credentials credentials) {
    }

    /**
     * A claimed certificate with what its render needs: its title, photo, 电子证照 fields, verification address and
     * signed credential (or {@code null}), all made before a renderer takes it.
     */
    private record Job(CertificateEntity certificate, long revision, PersonTitle title, byte[] photo,
                       Map<String, String> licence, String url, String credential) {
    }

    /**
     * A rendered (and sealed) PDF or {@code null}, and its OFD or {@code null}, on their way to the store, with what
     * made them: the keys of the seal providers that sealed each, per role ({committee, authority}), {@code null}
     * where none did.
     */
    private record Rendered(Job job, byte[] pdf, byte[] ofd, Formats.Plan plan, String[] pdfSeals, String[] ofdSeals) {

        /** The seal status shown: the PDF's, which the QR code's checks rest on, or the OFD's where there is no PDF. */
        SealStatus sealStatus() {
            String[] seals = pdf != null ? pdfSeals : ofdSeals;
            return seals[0] != null && seals[1] != null ? SealStatus.SEALED
                    : seals[0] != null || seals[1] != null ? SealStatus.PARTIAL : SealStatus.UNSEALED;
        }
    }

    private final Context ctx;
    private final int capacity;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final BlockingQueue<Rendered> rendered = new LinkedBlockingQueue<>();
    private final Set<Long> inflight = ConcurrentHashMap.newKeySet();
    /** Claims this node gave up while the database was out of reach; returned to the queue once it is back. */
    private final Set<Long> unreleased = ConcurrentHashMap.newKeySet();
    /** Titles of the filings most recently generated for; used by the dispatcher thread only. */
    private final Map<Long, Map<Long, PersonTitle>> recentFilings = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Long, PersonTitle>> eldest) {
            return size() > 4;
        }
    };
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong claims = new AtomicLong();
    private final Throughput throughput = new Throughput();
    private final java.util.concurrent.ExecutorService storing = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "titlecert-certificate-store");
        t.setDaemon(true);
        return t;
    });
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Generator(Context ctx) {
        this.ctx = ctx;
        this.capacity = Math.max(32, ctx.workers() * 32);
    }

    void start() {
        // on embedded Derby this is the only node there can be: every claim is a leftover, of this node's last run
        // or of the installation a restored backup was taken from
        int released = releaseClaims(ctx.skipLocked() ? ctx.node() + "#%" : "%");
        if (released > 0) {
            LOG.info("Resuming {} certificates that were being generated when the platform last stopped", released);
        }
        threads.add(new Thread(this::dispatch, "titlecert-certificate-dispatcher"));
        for (int i = 0; i < ctx.workers(); i++) {
            threads.add(new Thread(new Worker(), "titlecert-certificate-worker-" + (i + 1)));
        }
        threads.add(new Thread(this::commit, "titlecert-certificate-committer"));
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
    }

    void stop() {
        running = false;
        storing.shutdown();
        threads.forEach(Thread::interrupt);
        boolean stopped = true;
        for (Thread t : threads) {
            try {
                t.join(10_000);
                stopped &= !t.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = false;
            }
        }
        // what was claimed but not committed goes back to the queue now, for the other nodes, rather than when
        // the lease ends (a thread that did not end may still commit: then its claims wait for the lease)
        if (stopped) {
            try {
                int released = releaseClaims(ctx.node() + "#%");
                LOG.info("Stopped; {} claimed certificates returned to the queue", released);
            } catch (RuntimeException e) {
                LOG.warn("Stopped; the claims of this node return to the queue when their lease ends", e);
            }
        }
    }

    private int releaseClaims(String claimedBy) {
        return Db.now(ctx.jpa(), (em, now) -> Sql.update(em, "UPDATE TC_CERTIFICATE SET CLAIMED_BY = NULL, "
                + "CLAIMED_AT = NULL WHERE CLAIMED_BY LIKE ?", claimedBy));
    }

    /** Something was queued: look now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    double perSecond() {
        return throughput.perSecond();
    }

    /**
     * Claims work when half the pipeline is free, in one batch, and prepares each job. Nothing is claimed
     * while no template is registered (as just after a start, before the template bundles are up), and the
     * first claim waits a moment so that seal providers starting with the platform are there too.
     */
    private void dispatch() {
        sleepQuietly(1500);
        while (running) {
            try {
                if (!ctx.formats().any()) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    continue;
                }
                returnUnreleased();
                // keep the renderers fed; what waits to be stored is bounded separately
                int free = Math.min(capacity - jobs.size(), capacity * 8 - inflight.size());
                boolean full = false;
                if (free >= capacity / 2) {
                    // a power of two: the limit is written into the SQL, and Derby compiles every new text anew
                    int batch = Integer.highestOneBit(free);
                    List<Long> ids = claim(batch);
                    full = ids.size() == batch;
                    inflight.addAll(ids);
                    try {
                        prepare(ids);
                    } catch (RuntimeException e) {
                        ids.forEach(this::release);
                        throw e;
                    }
                }
                if (!full) {
                    // work queued on another node wakes nobody here: with several nodes, look again sooner
                    wake.tryAcquire(ctx.skipLocked() ? 250 : 2000, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Faults.databaseUnavailable(e)) {
                    LOG.warn("The database is out of reach ({}); claiming again in 2 s", e.toString());
                } else {
                    LOG.warn("Could not claim queued certificates; trying again shortly", e);
                }
                sleepQuietly(2000);
            }
        }
    }

    /**
     * Reads what the renders need: the certificates, their titles (a filing's at once, since a claim is
     * mostly one filing) and the photos. Certificates that cannot be rendered are settled here.
     */
    private void prepare(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<CertificateEntity> claimed = ctx.jpa().call(em -> em.createQuery("SELECT c FROM CertificateEntity c "
                + "WHERE c.id IN :ids ORDER BY c.queuedAt, c.id", CertificateEntity.class).setParameter("ids", Sql.inList(ids))
                .getResultList());
        Map<Long, String> creditCodes = claimed.isEmpty() ? Map.of() : ctx.authorityCreditCodes().get();
        for (CertificateEntity c : claimed) {
            if (c.getStatus() != GenerationStatus.QUEUED || c.getClaimedBy() == null
                    || !c.getClaimedBy().startsWith(ctx.node() + "#")) {
                inflight.remove(c.getId());
                continue;
            }
            long rev = c.getRequested();
            try {
                // a corrected entry is read afresh: other nodes may hold its filing from before the correction
                PersonTitle t = c.getCorrections() > 0 ? ctx.filings().title(ENGINE, c.getRosterEntryId())
                        : titles(c.getFilingId()).get(c.getRosterEntryId());
                byte[] photo = photo(c.getPersonId());
                if (t == null) {
                    finish(c.getId(), rev, GenerationStatus.FAILED, Reasons.INTERNAL);
                } else if (photo == null) {
                    finish(c.getId(), rev, GenerationStatus.NOT_GENERATED, Reasons.NO_PHOTO);
                } else {
                    Map<String, String> licence = ctx.licence().fields(c.getNumber(), t,
                            creditCodes.get(t.issuingAuthority().id()));
                    String url = ctx.verificationUrl().apply(c.getToken());
                    // signed here, beside the renderers rather than on their threads
                    String credential = ctx.credentials() == null ? null
                            : ctx.credentials().issue(c.getId(), c.getNumber(), t, licence, url);
                    jobs.add(new Job(c, rev, t, photo, licence, url, credential));
                }
            } catch (RuntimeException e) {
                if (Faults.databaseUnavailable(e)) {
                    throw e; // not the certificate's fault: it stays queued
                }
                LOG.error("Certificate {} could not be prepared", c.getNumber(), e);
                finish(c.getId(), rev, GenerationStatus.FAILED, Reasons.INTERNAL);
            }
        }
        ids.stream().filter(id -> claimed.stream().noneMatch(c -> c.getId() == id)).forEach(inflight::remove);
    }

    /**
     * An approved filing's titles by roster entry. An approved filing no longer changes, so the last few
     * are kept: a large filing is claimed in many batches.
     */
    private Map<Long, PersonTitle> titles(long filingId) {
        return recentFilings.computeIfAbsent(filingId, f -> {
            Map<Long, PersonTitle> byEntry = new HashMap<>();
            ctx.filings().filingTitles(ENGINE, f).forEach(pt -> byEntry.put(pt.rosterEntryId(), pt));
            return byEntry;
        });
    }

    /** The person's current photo, or null if there is none. */
    private byte[] photo(long personId) {
        try {
            return ctx.photos().get(ENGINE, personId).jpeg();
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** Claims up to {@code max} queued certificates, oldest request first, for this node. */
    private List<Long> claim(int max) {
        String claim = ctx.node() + "#" + claims.incrementAndGet();
        return Db.now(ctx.jpa(), (em, now) -> {
            LocalDateTime expired = now.minusSeconds(ctx.leaseSeconds());
            List<Long> ids = ctx.skipLocked() ? candidatesSkippingLocked(em, expired, max)
                    : em.createQuery("SELECT c.id FROM CertificateEntity c WHERE c.status = :q "
                            + "AND (c.claimedBy IS NULL OR c.claimedAt < :expired) ORDER BY c.queuedAt, c.id", Long.class)
                    .setParameter("q", GenerationStatus.QUEUED).setParameter("expired", expired)
                    .setMaxResults(max).getResultList();
            if (ids.isEmpty()) {
                return ids;
            }
            List<Long> in = Sql.inList(ids);
            List<Object> params = new ArrayList<>(List.of(claim, now));
            params.addAll(in);
            params.addAll(List.of(GenerationStatus.QUEUED, expired));
            Sql.update(em, "UPDATE TC_CERTIFICATE SET CLAIMED_BY = ?, CLAIMED_AT = ? WHERE ID IN (" + Sql.marks(in.size())
                    + ") AND STATUS = ? AND (CLAIMED_BY IS NULL OR CLAIMED_AT < ?)", params.toArray());
            return em.createQuery("SELECT c.id FROM CertificateEntity c WHERE c.id IN :ids AND c.claimedBy = :claim "
                    + "ORDER BY c.queuedAt, c.id", Long.class).setParameter("ids", in).setParameter("claim", claim)
                    .getResultList();
        });
    }

    /**
     * PostgreSQL: the oldest unclaimed rows, locked, skipping those another node is claiming at this moment, so
     * that nodes take different work instead of queueing behind each other's locks. The conditional update that
     * follows is what makes a claim exclusive on every database: it re-checks the claim under the row lock (a
     * concurrent claimer's committed claim makes it match nothing), and only rows carrying this claim's own
     * name are returned. With embedded Derby there is one node, and one dispatcher claims.
     */
    @SuppressWarnings("unchecked")
    private static List<Long> candidatesSkippingLocked(EntityManager em, LocalDateTime expired, int max) {
        List<Object> ids = em.createNativeQuery("SELECT ID FROM TC_CERTIFICATE WHERE STATUS = ? AND (CLAIMED_BY IS NULL "
                        + "OR CLAIMED_AT < ?) ORDER BY QUEUED_AT, ID LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, GenerationStatus.QUEUED.name()).setParameter(2, java.sql.Timestamp.valueOf(expired))
                .setParameter(3, max).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** One rendering thread and its renderers, one per template it has used. */
    private final class Worker implements Runnable {

        private final Map<Templates.Entry, CertificateRenderer> renderers = new HashMap<>();

        @Override
        public void run() {
            try {
                while (running) {
                    Job job = jobs.poll(1, TimeUnit.SECONDS);
                    if (job != null) {
                        if (jobs.size() <= capacity / 2) {
                            // half the jobs are taken: the dispatcher claims more before the renderers run dry
                            wake.release();
                        }
                        render(job);
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
                boolean gone = !ctx.formats().contains(e.getKey());
                if (gone) {
                    e.getValue().close();
                }
                return gone;
            });
            return renderers.computeIfAbsent(template, t -> t.template().newRenderer());
        }

        private void render(Job job) {
            CertificateEntity c = job.certificate();
            try {
                Formats.Plan plan = ctx.formats().plan(c.getRegion()).orElse(null);
                if (plan == null) {
                    fail(c.getId(), job.revision(), "NO_TEMPLATE", Reasons.NO_TEMPLATE);
                    return;
                }
                long started = System.nanoTime();
                CertificateContent content = content(c, job);
                String[] pdfSeals = new String[2];
                byte[] pdf = null;
                if (plan.pdf() != null) {
                    RenderedCertificate document = renderer(plan.pdf()).render(content);
                    ctx.metrics().render.observeNanos(System.nanoTime() - started);
                    pdf = seal(ctx.seals(), c, document, pdfSeals);
                }
                byte[] ofd = null;
                String[] ofdSeals = new String[2];
                if (plan.ofd() != null) {
                    long ofdStarted = System.nanoTime();
                    RenderedCertificate national = renderer(plan.ofd()).render(content);
                    ctx.metrics().render.observeNanos(System.nanoTime() - ofdStarted);
                    ofd = seal(ctx.ofdSeals(), c, national, ofdSeals);
                }
                rendered.add(new Rendered(job, pdf, ofd, plan, pdfSeals, ofdSeals));
            } catch (SealException e) {
                LOG.warn("Certificate {} could not be sealed: {}", c.getNumber(), e.getMessage(), e);
                fail(c.getId(), job.revision(), "SEAL", e.getMessage());
            } catch (TemplateException e) {
                LOG.warn("Certificate {} cannot be generated: {} {}", c.getNumber(), e.code(), e.getMessage());
                fail(c.getId(), job.revision(), "TEMPLATE", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Certificate {} could not be generated", c.getNumber(), e);
                fail(c.getId(), job.revision(), "INTERNAL", Reasons.INTERNAL);
            }
        }

        /**
         * The document sealed by the best provider of its format for the committee and for the issuing authority,
         * where the template reserved a place; {@code sealedBy} gets the providers' keys.
         */
        private byte[] seal(Seals providers, CertificateEntity c, RenderedCertificate document, String[] sealedBy)
                throws SealException {
            byte[] bytes = document.pdf();
            SealRole[] roles = {SealRole.COMMITTEE, SealRole.ISSUING_AUTHORITY};
            String[] codes = {c.getCommitteeCode(), c.getAuthorityCode()};
            for (int i = 0; i < 2; i++) {
                Seals.Entry seal = providers.best(codes[i], c.getRegion()).orElse(null);
                Area area = document.sealArea(roles[i]).orElse(null);
                if (seal != null && area != null) {
                    long sealing = System.nanoTime();
                    bytes = seal.provider().seal(bytes, new SealPlacement(area, document.qrArea(),
                            roles[i] == SealRole.COMMITTEE ? "评审组织盖章" : "发证机关盖章"));
                    ctx.metrics().seal.observeNanos(System.nanoTime() - sealing, roles[i].name());
                    sealedBy[i] = seal.key();
                }
            }
            return bytes;
        }

        private void fail(long id, long revision, String metric, String reason) {
            ctx.metrics().failures.inc(metric);
            finish(id, revision, GenerationStatus.FAILED, reason);
        }
    }

    /** Stores rendered PDFs and records them, a batch per transaction. */
    private void commit() {
        List<Rendered> batch = new ArrayList<>();
        while (running) {
            try {
                Rendered first = rendered.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                rendered.drainTo(batch, 63);
                store(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Faults.databaseUnavailable(e)) {
                    LOG.warn("Could not record {} generated certificates, the database is out of reach ({}); they "
                            + "stay queued", batch.size(), e.toString());
                    ctx.metrics().failures.inc("DATABASE");
                } else if (Faults.diskFull(e)) {
                    LOG.warn("Could not store {} generated certificates, the disk is full; they stay queued, and "
                            + "generation tries again in 5 s", batch.size());
                    ctx.metrics().failures.inc("DISK_FULL");
                    sleepQuietly(5000);
                } else {
                    LOG.error("Could not record {} generated certificates; they stay queued", batch.size(), e);
                    ctx.metrics().failures.inc("STORE");
                }
                batch.forEach(r -> release(r.job().certificate().getId()));
            } finally {
                batch.forEach(r -> inflight.remove(r.job().certificate().getId()));
                batch.clear();
                wake.release();
            }
        }
    }

    private static CertificateContent content(CertificateEntity c, Job job) {
        PersonTitle t = job.title();
        return new CertificateContent(c.getNumber(), t.name(), t.gender(), t.birthDate(), t.idNumber(), t.employer(),
                t.series(), t.specialty(), t.titleName(), t.level(), t.committee().name(), t.approvalNumber(),
                t.qualificationDate(), t.issuingAuthority().name(), t.issueDate(), job.photo(),
                job.url(), job.licence(), job.credential());
    }

    /** Stores each PDF (and OFD) atomically, then makes those current whose request is still the newest. */
    private void store(List<Rendered> batch) {
        // each file is forced to disk before its record commits; the waits overlap on a few threads
        List<java.util.concurrent.Future<String>> writes = new ArrayList<>(batch.size());
        List<java.util.concurrent.Future<String>> ofdWrites = new ArrayList<>(batch.size());
        for (Rendered r : batch) {
            writes.add(r.pdf() == null ? null : storing.submit(() -> ctx.store().put(r.pdf())));
            ofdWrites.add(r.ofd() == null ? null : storing.submit(() -> ctx.ofdStore().put(r.ofd())));
        }
        List<String> shas = stored(writes);
        List<String> ofdShas = stored(ofdWrites);
        Integer[] versions = Db.now(ctx.jpa(), (em, now) -> {
            Integer[] v = new Integer[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Rendered r = batch.get(i);
                long id = r.job().certificate().getId();
                int n = Sql.update(em, "UPDATE TC_CERTIFICATE SET STATUS = ?, FAILURE = NULL, VERSION_NO = VERSION_NO + 1, "
                                + "SHA256 = ?, BYTE_SIZE = ?, CRC32 = ?, OFD_SHA256 = ?, OFD_SIZE = ?, OFD_CRC32 = ?, "
                                + "OFD_COMMITTEE_SEAL = ?, OFD_AUTHORITY_SEAL = ?, "
                                + "GENERATED_AT = ?, TEMPLATE_ID = ?, TEMPLATE_KEY = ?, "
                                + "SEAL_STATUS = ?, COMMITTEE_SEAL = ?, AUTHORITY_SEAL = ?, CLAIMED_BY = NULL, CLAIMED_AT = NULL, "
                                + "CHANGE_REASON = NULL, CHANGE_CORRECTION = NULL WHERE ID = ? AND REQUESTED = ? AND STATUS = ?",
                        GenerationStatus.GENERATED, shas.get(i), size(r.pdf()), crc(r.pdf()), ofdShas.get(i),
                        size(r.ofd()), crc(r.ofd()), r.ofdSeals()[0], r.ofdSeals()[1], now,
                        r.plan().main().template().id(), r.plan().key(), r.sealStatus(), r.pdfSeals()[0],
                        r.pdfSeals()[1], id, r.job().revision(), GenerationStatus.QUEUED);
                if (n == 0) {
                    release(em, id);
                    continue;
                }
                // the claim makes this node the only one to change the version meanwhile
                CertificateEntity c = r.job().certificate();
                v[i] = c.getVersion() + 1;
                // the request this render answers is still the newest, so its reason is the one read with it
                em.persist(new CertificateVersionEntity(id, v[i], shas.get(i), ofdShas.get(i), r.job().credential(),
                        r.plan().key(),
                        ctx.node(), now, Versions.reason(c, v[i]).name(), c.getChangeCorrection()));
            }
            return v;
        });
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            CertificateEntity c = batch.get(i).job().certificate();
            if (versions[i] == null) {
                delete(ctx.store(), shas.get(i));
                delete(ctx.ofdStore(), ofdShas.get(i));
                continue;
            }
            if (c.getSha256() != null && !c.getSha256().equals(shas.get(i))) {
                ctx.store().delete(c.getSha256());
            }
            if (c.getOfdSha256() != null && !c.getOfdSha256().equals(ofdShas.get(i))) {
                ctx.ofdStore().delete(c.getOfdSha256());
            }
            throughput.record(now);
            ctx.metrics().generated.inc();
            ctx.generated().accept(c, versions[i]);
        }
    }

    /** The SHA-256 of each file stored, once its write is on disk; {@code null} where nothing was written. */
    private static List<String> stored(List<java.util.concurrent.Future<String>> writes) {
        List<String> shas = new ArrayList<>(writes.size());
        for (java.util.concurrent.Future<String> w : writes) {
            try {
                shas.add(w == null ? null : w.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing certificates", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not store a certificate", e.getCause());
            }
        }
        return shas;
    }

    private static long size(byte[] data) {
        return data == null ? 0 : data.length;
    }

    /** The file's CRC-32; 0 where there is no file. */
    private static long crc(byte[] data) {
        if (data == null) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static void delete(ContentStore store, String sha) {
        if (sha != null) {
            store.delete(sha);
        }
    }

    /** Ends a render without a new PDF, unless a newer request came in meanwhile. */
    private void finish(long id, long rev, GenerationStatus status, String reason) {
        try {
            Db.now(ctx.jpa(), (em, now) -> {
                int n = Sql.update(em, "UPDATE TC_CERTIFICATE SET STATUS = ?, FAILURE = ?, CLAIMED_BY = NULL, "
                        + "CLAIMED_AT = NULL WHERE ID = ? AND REQUESTED = ? AND STATUS = ?", status,
                        Db.cut(reason, 500), id, rev, GenerationStatus.QUEUED);
                if (n == 0) {
                    release(em, id);
                }
                return n;
            });
        } catch (RuntimeException e) {
            LOG.warn("Certificate {} stays queued: its outcome could not be recorded ({})", id, e.toString());
            unreleased.add(id);
        } finally {
            inflight.remove(id);
            wake.release();
        }
    }

    /** Returns a claim to the queue, now or, if the database cannot be reached, once it can. */
    private void release(long id) {
        try {
            ctx.jpa().run(em -> release(em, id));
        } catch (RuntimeException e) {
            unreleased.add(id);
        }
        inflight.remove(id);
    }

    /** The claims given up while the database was out of reach, and not claimed again since. */
    private void returnUnreleased() {
        if (unreleased.isEmpty()) {
            return;
        }
        List<Long> ids = unreleased.stream().filter(id -> !inflight.contains(id)).toList();
        int n = Db.now(ctx.jpa(), (em, now) -> {
            int released = 0;
            for (long id : ids) {
                released += Sql.update(em, "UPDATE TC_CERTIFICATE SET CLAIMED_BY = NULL, CLAIMED_AT = NULL "
                        + "WHERE ID = ? AND CLAIMED_BY LIKE ?", id, ctx.node() + "#%");
            }
            return released;
        });
        ids.forEach(unreleased::remove);
        LOG.info("The database is back: {} certificates returned to the queue", n);
    }

    private static void release(javax.persistence.EntityManager em, long id) {
        Sql.update(em, "UPDATE TC_CERTIFICATE SET CLAIMED_BY = NULL, CLAIMED_AT = NULL WHERE ID = ?", id);
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
