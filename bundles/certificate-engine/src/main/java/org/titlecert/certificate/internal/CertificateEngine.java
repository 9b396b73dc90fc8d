package org.titlecert.certificate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.SharedCounts;
import org.titlecert.api.Caller;
import org.titlecert.api.Faults;
import org.titlecert.api.Page;
import org.titlecert.api.ResidentId;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.metrics.Metrics;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateExport;
import org.titlecert.certificate.CertificateMatch;
import org.titlecert.certificate.IdentifiedFile;
import org.titlecert.certificate.CertificateFile;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.RevocationReason;
import org.titlecert.certificate.QueueState;
import org.titlecert.certificate.Validity;
import org.titlecert.certificate.Verification;
import org.titlecert.filing.Committee;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingQuery;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.IssuingAuthority;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.filing.PersonTitle;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.photo.PhotoService;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;
import org.titlecert.seal.SealProvider;
import org.titlecert.seal.SealRegistry;
import org.titlecert.seal.SealVerifier;
import org.titlecert.template.CertificateTemplate;
import org.titlecert.jpa.Schema;

/**
 * Certificates: records made when a filing is approved, generation on approval, photo change, template
 * change and request, downloads and exports scoped to the caller, and public verification.
 */
@Component(service = {CertificateService.class, SealRegistry.class, EventHandler.class, CertificateChanges.class},
        configurationPid = EngineConfig.PID,
        property = {EventConstants.EVENT_TOPIC + "=" + FilingService.TOPIC_APPROVED,
                EventConstants.EVENT_TOPIC + "=" + PhotoService.TOPIC_CHANGED})
@Designate(ocd = EngineConfig.class)
public class CertificateEngine implements CertificateService, SealRegistry, EventHandler, CertificateChanges {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateEngine.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions jpa;
    private final FilingService filings;
    private final OrganizationService organizations;
    private final PhotoService photos;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final EngineConfig config;
    private final ContentStore store;
    private final Numbering numbering;
    private final PublicVerification verification;
    private final Revocations revocations;
    private final Credentials credentials;
    private final Templates templates = new Templates(CertificateTemplate.PDF);
    private final Templates ofdTemplates = new Templates(CertificateTemplate.OFD);
    private final Formats formats;
    private final ContentStore ofdStore;
    private final Seals seals = new Seals(CertificateTemplate.PDF);
    private final Seals ofdSeals = new Seals(CertificateTemplate.OFD);
    private final Requeue requeue;
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "titlecert-certificate-maintenance");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pendingRequeue;
    private Generator generator;
    private final EngineMetrics metrics;
    /** Approved filings whose certificates could not be recorded (database out of reach, disk full). */
    private final java.util.Set<Long> unrecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int RECORD_RETRY_SECONDS = 10;
    /** The queue as last counted for the metrics; counted again when older than a few seconds. */
    private volatile QueueCount queueCount = new QueueCount(0, 0, 0);
    /** PostgreSQL rather than embedded Derby: claims skip rows other nodes hold. */
    private final boolean postgres;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Reference(target = "(!(" + SealVerifier.FORMAT + "=ofd))")
    private SealVerifier verifier;

    /** The check of an uploaded OFD's seals, where the SM2 seal feature is installed. */
    @Reference(target = "(" + SealVerifier.FORMAT + "=ofd)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile SealVerifier ofdVerifier;

    /** The database's counts, which make the per-client limits hold across nodes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SharedCounts sharedCounts;

    @Activate
    public CertificateEngine(@Reference(target = "(&(osgi.unit.name=titlecert-certificate)" + Schema.CURRENT + ")") EntityManagerFactory emf,
                             @Reference FilingService filings, @Reference OrganizationService organizations,
                             @Reference PhotoService photos, @Reference PersonDirectory persons,
                             @Reference AuditLog audit,
                             @Reference(target = "(osgi.jndi.service.name=titlecert)") DataSource dataSource,
                             @Reference ContentStores stores, @Reference Metrics metrics, EngineConfig config) {
        this.jpa = new Transactions(emf);
        this.formats = new Formats(templates, ofdTemplates, config.formats());
        this.requeue = new Requeue(jpa, formats, seals, ofdSeals);
        this.metrics = new EngineMetrics(metrics);
        metrics.gauge("titlecert_queue_depth", "Certificates waiting to be generated, on all nodes",
                () -> queueNow().depth());
        metrics.gauge("titlecert_queue_oldest_seconds", "How long the longest-waiting queued certificate has waited",
                () -> queueNow().oldestSeconds());
        this.filings = filings;
        this.organizations = organizations;
        this.photos = photos;
        this.persons = persons;
        this.audit = audit;
        this.config = config;
        this.store = stores.area(CertificateFiles.AREA, CertificateFiles.EXTENSION);
        this.ofdStore = stores.area(OfdFiles.AREA, OfdFiles.EXTENSION);
        this.numbering = new Numbering(jpa, filings, organizations, config);
        this.credentials = Credentials.open(jpa, this::publicBaseUrl, config.credentialKey().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "titlecert-credential-key.jwk")
                : Path.of(config.credentialKey().strip()), config.verifyCacheSeconds());
        this.postgres = Db.isPostgres(dataSource);
        this.verification = new PublicVerification(jpa, config, this.metrics, () -> sharedCounts, () -> verifier,
                () -> ofdVerifier, credentials, postgres ? new ChangeFeed(jpa, nodeName()) : null);
        this.revocations = new Revocations(jpa, audit);
    }

    @Activate
    void activate() {
        int workers = config.workers() > 0 ? config.workers() : Runtime.getRuntime().availableProcessors();
        generator = new Generator(new Generator.Context(jpa, filings, photos, templates, formats, seals, ofdSeals,
                store, ofdStore,
                nodeName(),
                postgres, workers, config.leaseSeconds(), this::verificationUrl, this::generated, metrics,
                Licence.of(config), this::authorityCreditCodes, config.credentials() ? credentials : null));
        generator.start();
        maintenance.execute(this::reconcile);
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                recordPending();
            } catch (RuntimeException e) {
                LOG.warn("Could not record pending certificates", e);
            }
        }, RECORD_RETRY_SECONDS, RECORD_RETRY_SECONDS, TimeUnit.SECONDS);
        maintenance.scheduleWithFixedDelay(() -> {
            // a periodic task that throws is never run again: these must outlive a database outage
            try {
                verification.flushCounts();
            } catch (RuntimeException e) {
                LOG.debug("Rate counts not shared this second", e);
            }
            try {
                verification.shareChanges();
            } catch (RuntimeException e) {
                LOG.debug("Changed certificates not shared this second", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        scheduleRequeue();
        publicBaseUrlProblem().ifPresent(warning -> {
            LOG.warn(warning);
            System.out.println("【注意】" + warning);
        });
    }

    @Override
    public int regenerateAll(Caller caller, boolean dryRun) {
        requireSystem(caller, "重新生成全部证书");
        if (dryRun) {
            return jpa.call(em -> em.createQuery("SELECT COUNT(c) FROM CertificateEntity c WHERE c.validity = :v "
                    + "AND c.status IN :s", Long.class).setParameter("v", Validity.VALID).setParameter("s",
                    List.of(GenerationStatus.GENERATED, GenerationStatus.FAILED)).getSingleResult()).intValue();
        }
        int queued = Db.now(jpa, (em, now) -> Sql.update(em, "UPDATE TC_CERTIFICATE SET STATUS = ?, "
                + "REQUESTED = REQUESTED + 1, QUEUED_AT = ?, FAILURE = NULL WHERE VALIDITY = ? AND STATUS IN (?, ?)",
                GenerationStatus.QUEUED, now, Validity.VALID, GenerationStatus.GENERATED, GenerationStatus.FAILED));
        if (queued > 0) {
            generator.wake();
        }
        audit.record(caller, "CERTIFICATE_REGENERATE_ALL", null, Outcome.SUCCESS, queued + " 本证书重新生成，二维码地址 "
                + config.publicBaseUrl());
        return queued;
    }

    @Override
    public Optional<String> publicBaseUrlProblem() {
        return loopback(config.publicBaseUrl()) ? Optional.of("二维码地址 publicBaseUrl = " + config.publicBaseUrl()
                + " 是本机地址，手机扫码打不开；正式签发证书前请在 etc/org.titlecert.certificate.cfg 中设置公众访问本平台的地址")
                : Optional.empty();
    }

    /** True if the URL names this machine only (localhost, 127.0.0.0/8, ::1, 0.0.0.0): no phone can open it. */
    static boolean loopback(String url) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null || host.equalsIgnoreCase("localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("0.0.0.0");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Deactivate
    void deactivate() {
        maintenance.shutdownNow();
        if (generator != null) {
            generator.stop();
        }
    }

    // ---- templates: picked per certificate at generation time; a change regenerates what it affects

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTemplate(CertificateTemplate template, Map<String, Object> props) {
        templates.add(template, props);
        ofdTemplates.add(template, props);
        scheduleRequeue();
    }

    void updatedTemplate(CertificateTemplate template, Map<String, Object> props) {
        bindTemplate(template, props);
    }

    void unbindTemplate(CertificateTemplate template) {
        templates.remove(template);
        ofdTemplates.remove(template);
        scheduleRequeue();
    }

    // ---- seals: an arriving provider reseals its issuer's certificates; a leaving one changes nothing made

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSeal(SealProvider provider, Map<String, Object> props) {
        Seals.Entry pdf = seals.add(provider, props);
        Seals.Entry ofd = ofdSeals.add(provider, props);
        if (pdf != null) {
            requeue.sealed(pdf.issuer());
        }
        if (ofd != null) {
            requeue.sealedOfd(ofd.issuer());
        }
        scheduleRequeue();
    }

    void updatedSeal(SealProvider provider, Map<String, Object> props) {
        bindSeal(provider, props);
    }

    void unbindSeal(SealProvider provider) {
        seals.remove(provider);
        ofdSeals.remove(provider);
    }

    @Override
    public Optional<SealProvider> provider(String issuerCode, String region) {
        return seals.best(issuerCode, region).map(Seals.Entry::provider);
    }

    @Override
    public List<IssuerSeal> issuers() {
        List<IssuerSeal> out = new ArrayList<>();
        for (Committee c : organizations.committees()) {
            out.add(issuer("COMMITTEE", c.code(), c.name(), c.region()));
        }
        for (IssuingAuthority a : organizations.issuingAuthorities()) {
            out.add(issuer("ISSUING_AUTHORITY", a.code(), a.name(), null));
        }
        return out;
    }

    private IssuerSeal issuer(String kind, String code, String name, String region) {
        Optional<SealProvider> p = provider(code, region);
        Optional<SealProvider> ofd = ofdSeals.best(code, region).map(Seals.Entry::provider);
        return new IssuerSeal(kind, code, name, p.map(SealProvider::id).orElse(null),
                p.map(SealProvider::identity).orElse(null), ofd.map(SealProvider::id).orElse(null),
                ofd.map(SealProvider::identity).orElse(null));
    }

    /** Template changes come in bursts (a bundle update is an unbind and a bind): act once they settle. */
    private synchronized void scheduleRequeue() {
        if (pendingRequeue != null) {
            pendingRequeue.cancel(false);
        }
        if (!maintenance.isShutdown()) {
            pendingRequeue = maintenance.schedule(this::requeueStale, 300, TimeUnit.MILLISECONDS);
        }
    }

    private void requeueStale() {
        if (generator == null) {
            return;
        }
        int queued = requeue.run();
        if (queued > 0) {
            LOG.info("Templates or seals changed: {} certificates queued to be generated again", queued);
            generator.wake();
        }
    }

    // ---- triggers

    @Override
    public void handleEvent(Event event) {
        Object id;
        if (FilingService.TOPIC_APPROVED.equals(event.getTopic()) && (id = event.getProperty("filingId")) instanceof Long f) {
            maintenance.execute(() -> createFor(f));
        } else if (PhotoService.TOPIC_CHANGED.equals(event.getTopic())
                && (id = event.getProperty("personId")) instanceof Long p) {
            // one UPDATE, done before the upload answers: the page it redirects to already sees the queue
            photoChanged(p);
        }
    }

    /** After a restart: records for approved filings whose approval event was not handled. */
    private void reconcile() {
        try {
            Map<Long, Long> counts = new HashMap<>();
            jpa.call(em -> em.createQuery("SELECT c.filingId, COUNT(c) FROM CertificateEntity c GROUP BY c.filingId",
                    Object[].class).getResultList()).forEach(r -> counts.put((Long) r[0], (Long) r[1]));
            for (int page = 1; ; page++) {
                Page<Filing> approved = filings.find(Generator.ENGINE, new FilingQuery(null, null, null, null,
                        FilingStatus.APPROVED, null, "id", new PageRequest(page, PageRequest.MAX_SIZE)));
                for (Filing f : approved.items()) {
                    if (counts.getOrDefault(f.id(), 0L) < f.rosterSize()) {
                        createFor(f.id());
                    }
                }
                if (page >= approved.pages()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not check approved filings for missing certificates", e);
        }
    }

    /**
     * Makes the certificate records of an approved filing, numbered in roster order, all queued: the
     * generator settles those whose holder has no photo yet as not generated. Safe to repeat.
     */
    void createFor(long filingId) {
        for (int attempt = 1; ; attempt++) {
            try {
                int created = numbering.record(filingId);
                if (created > 0) {
                    LOG.info("Filing {} approved: {} certificates recorded", filingId, created);
                    generator.wake();
                }
                return;
            } catch (RuntimeException e) {
                boolean fault = Faults.databaseUnavailable(e) || Faults.diskFull(e);
                // a concurrent approval took the same sequence row or the same roster entries: try again; a
                // database out of reach or a full disk: again in a while, until it is back
                if (fault || attempt >= 8) {
                    if (fault) {
                        LOG.warn("Could not record the certificates of filing {} ({}); trying again in {} s", filingId,
                                e.toString(), RECORD_RETRY_SECONDS);
                    } else {
                        LOG.error("Could not record the certificates of filing {}; trying again in {} s", filingId,
                                RECORD_RETRY_SECONDS, e);
                    }
                    unrecorded.add(filingId);
                    return;
                }
                sleep(20L * attempt + RANDOM.nextInt(50));
            }
        }
    }

    /** The approved filings whose certificates could not be recorded yet, tried again. */
    private void recordPending() {
        for (Long filingId : List.copyOf(unrecorded)) {
            unrecorded.remove(filingId);
            createFor(filingId);
        }
    }

    private void photoChanged(long personId) {
        int queued = Db.now(jpa, (em, now) -> Sql.update(em, "UPDATE TC_CERTIFICATE SET STATUS = ?, "
                + "REQUESTED = REQUESTED + 1, QUEUED_AT = ?, FAILURE = NULL WHERE PERSON_ID = ? AND VALIDITY = ?",
                GenerationStatus.QUEUED, now, personId, Validity.VALID));
        if (queued > 0) {
            generator.wake();
        }
    }

    /** A new version is committed: the public answer changes with it. */
    private void generated(CertificateEntity c, int version) {
        verification.forget(List.of(c.getToken()));
        EventAdmin ea = events;
        if (ea != null) {
            ea.postEvent(new Event(TOPIC_GENERATED, Map.of("certificateId", c.getId(), "version", version,
                    "reason", Versions.reason(c, version).name())));
        }
    }

    // ---- reading, scoped to the caller

    @Override
    public Page<Certificate> byFiling(Caller caller, long filingId, GenerationStatus status, String search,
                                      PageRequest page) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        Filing filing = filings.get(caller, filingId);
        String q = search == null ? "" : search.strip();
        if (filing.status() != FilingStatus.APPROVED || q.length() > 50) {
            return new Page<>(List.of(), 0, page.page(), page.size());
        }
        // a full ID number finds its holder's certificate; anything else is part of a name
        Long person = ResidentId.isValid(q) ? persons.find(q.toUpperCase(java.util.Locale.ROOT)).orElse(-1L) : null;
        return jpa.call(em -> {
            String where = " WHERE c.filingId = :f" + (status == null ? "" : " AND c.status = :s")
                    + (person != null ? " AND c.personId = :p" : q.isEmpty() ? "" : " AND c.personName LIKE :n");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CertificateEntity c" + where, Long.class);
            TypedQuery<CertificateEntity> list = em.createQuery("SELECT c FROM CertificateEntity c" + where
                    + " ORDER BY c.number", CertificateEntity.class);
            for (TypedQuery<?> query : List.of(count, list)) {
                query.setParameter("f", filingId);
                if (status != null) {
                    query.setParameter("s", status);
                }
                if (person != null) {
                    query.setParameter("p", person);
                } else if (!q.isEmpty()) {
                    query.setParameter("n", "%" + q.replace("%", "").replace("_", "") + "%");
                }
            }
            List<Certificate> items = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(this::dto).toList();
            return new Page<>(items, count.getSingleResult(), page.page(), page.size());
        });
    }

    @Override
    public List<Certificate> mine(Caller caller) {
        if (caller.role() != Role.INDIVIDUAL || caller.personId() == null) {
            return List.of();
        }
        return jpa.call(em -> em.createQuery("SELECT c FROM CertificateEntity c WHERE c.personId = :p "
                + "ORDER BY c.issueDate DESC, c.id DESC", CertificateEntity.class).setParameter("p", caller.personId())
                .getResultList().stream().filter(c -> mayRead(caller, c)).map(this::dto).toList());
    }

    @Override
    public Optional<Certificate> forRosterEntry(Caller caller, long rosterEntryId) {
        return jpa.call(em -> em.createQuery("SELECT c FROM CertificateEntity c WHERE c.rosterEntryId = :r",
                        CertificateEntity.class).setParameter("r", rosterEntryId).getResultList().stream()
                .filter(c -> mayRead(caller, c)).findFirst().map(this::dto));
    }

    @Override
    public Certificate get(Caller caller, long id) {
        return dto(readable(caller, id));
    }

    @Override
    public List<Certificate> get(Caller caller, List<Long> ids) {
        if (!caller.hasScope(Scopes.CERTIFICATES_READ)) {
            throw TitleCertException.forbidden("SCOPE_MISSING", "该 API 密钥没有读取证书的权限");
        }
        List<Long> wanted = ids.stream().distinct().toList();
        Map<Long, CertificateEntity> found = new HashMap<>();
        for (int i = 0; i < wanted.size(); i += 256) {
            List<Long> chunk = wanted.subList(i, Math.min(i + 256, wanted.size()));
            jpa.call(em -> em.createQuery("SELECT c FROM CertificateEntity c WHERE c.id IN :ids",
                    CertificateEntity.class).setParameter("ids", Sql.inList(chunk)).getResultList())
                    .forEach(c -> found.put(c.getId(), c));
        }
        return wanted.stream().map(found::get).filter(c -> c != null && mayRead(caller, c)).map(this::dto).toList();
    }

    private CertificateEntity readable(Caller caller, long id) {
        if (!caller.hasScope(Scopes.CERTIFICATES_READ)) {
            throw TitleCertException.forbidden("SCOPE_MISSING", "该 API 密钥没有读取证书的权限");
        }
        CertificateEntity c = jpa.call(em -> em.find(CertificateEntity.class, id));
        if (c == null || !mayRead(caller, c)) {
            throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
        }
        return c;
    }

    /** The holder, an admin of the filing's unit, or a system admin. */
    private static boolean mayRead(Caller caller, CertificateEntity c) {
        return caller.role() == Role.INDIVIDUAL ? caller.isHolder(c.getPersonId(), c.getUnitId())
                : caller.mayManageUnit(c.getUnitId());
    }

    private Certificate dto(CertificateEntity c) {
        return c.toDto(verificationUrl(c.getToken()));
    }

    /** The issuing authorities' 统一社会信用代码 by authority, read afresh for each claim. */
    private Map<Long, String> authorityCreditCodes() {
        Map<Long, String> codes = new HashMap<>();
        organizations.issuingAuthorities().stream().filter(a -> a.creditCode() != null)
                .forEach(a -> codes.put(a.id(), a.creditCode()));
        return codes;
    }

    String verificationUrl(String token) {
        return publicBaseUrl() + "/v/" + token;
    }

    @Override
    public String publicBaseUrl() {
        String base = config.publicBaseUrl().strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public CertificateFile pdf(Caller caller, long id) {
        CertificateEntity c = generated(caller, id);
        if (c.getSha256() == null) {
            throw TitleCertException.notFound("PDF_NOT_ISSUED", formats.pdf(c.getRegion())
                    ? "该证书的 PDF 文件尚未生成（证书正在重新生成）" : "该证书以 OFD 版式签发，未签发 PDF 文件，请下载 OFD 版式文件");
        }
        audit.record(caller, "CERTIFICATE_DOWNLOAD", "certificate:" + id, Outcome.SUCCESS,
                c.getNumber() + " v" + c.getVersion());
        return file(ZipExport.fileName(c.getNumber(), c.getPersonName()), c.getSha256(), c.getSize(), c.getVersion(),
                () -> store.open(c.getSha256()));
    }

    @Override
    public CertificateFile ofd(Caller caller, long id) {
        CertificateEntity c = generated(caller, id);
        if (c.getOfdSha256() == null) {
            throw TitleCertException.notFound("OFD_NOT_ISSUED", formats.ofd(c.getRegion())
                    ? "该证书的 OFD 版式文件尚未生成（OFD 模板未安装，或证书正在重新生成）" : "该证书未签发 OFD 版式文件");
        }
        audit.record(caller, "CERTIFICATE_DOWNLOAD", "certificate:" + id, Outcome.SUCCESS,
                c.getNumber() + " v" + c.getVersion() + " OFD");
        return file(ZipExport.baseName(c.getNumber(), c.getPersonName()) + OfdFiles.EXTENSION, c.getOfdSha256(),
                c.getOfdSize(), c.getVersion(), () -> ofdStore.open(c.getOfdSha256()));
    }

    @Override
    public CertificateFile credential(Caller caller, long id) {
        CertificateEntity c = generated(caller, id);
        int version = c.getVersion();
        String vc = storedCredential(id, version).orElseGet(() -> lateCredential(c, version));
        audit.record(caller, "CERTIFICATE_DOWNLOAD", "certificate:" + id, Outcome.SUCCESS,
                c.getNumber() + " v" + version + " VC");
        byte[] bytes = vc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return file(ZipExport.baseName(c.getNumber(), c.getPersonName()) + ".jwt", ContentStore.sha256(bytes),
                bytes.length, version, () -> new java.io.ByteArrayInputStream(bytes));
    }

    private Optional<String> storedCredential(long id, int version) {
        return jpa.call(em -> em.createQuery("SELECT v.credential FROM CertificateVersionEntity v WHERE "
                        + "v.certificateId = :c AND v.version = :n", String.class).setParameter("c", id)
                .setParameter("n", version).getResultList()).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * The credential of a version made before credentials were issued, signed now from the same record and kept with
     * the version (its PDF, made before, carries none); the first of two concurrent requests wins.
     */
    private String lateCredential(CertificateEntity c, int version) {
        if (!config.credentials()) {
            throw TitleCertException.notFound("CREDENTIAL_NOT_ISSUED", "本平台未签发可验证凭证");
        }
        PersonTitle t = filings.title(Generator.ENGINE, c.getRosterEntryId());
        String vc = credentials.issue(c.getId(), c.getNumber(), t, Licence.of(config).fields(c.getNumber(), t,
                authorityCreditCodes().get(t.issuingAuthority().id())), verificationUrl(c.getToken()));
        String sha = ContentStore.sha256(vc.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int stored = jpa.call(em -> Sql.update(em, "UPDATE TC_CERT_VERSION SET CREDENTIAL = ?, CREDENTIAL_SHA256 = ? "
                + "WHERE CERTIFICATE_ID = ? AND VERSION_NO = ? AND CREDENTIAL IS NULL", vc, sha, c.getId(), version));
        return stored > 0 ? vc : storedCredential(c.getId(), version).orElseThrow();
    }

    @Override
    public String credentialKeys() {
        return credentials.keySet();
    }

    @Override
    public String credentialStatusList(int list) {
        return credentials.statusList(list);
    }

    /** The certificate once generated: a queued one is waited for briefly, else the answer says how long to wait. */
    private CertificateEntity generated(Caller caller, long id) {
        CertificateEntity c = readable(caller, id);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.readyWaitMillis());
        while (c.getStatus() == GenerationStatus.QUEUED && System.nanoTime() < deadline) {
            sleep(50);
            c = jpa.call(em -> em.find(CertificateEntity.class, id));
        }
        switch (c.getStatus()) {
            case GENERATED -> {
                return c;
            }
            case QUEUED -> {
                QueueState q = queue();
                throw TitleCertException.busy("CERTIFICATE_BUSY", "证书生成排队中，请约 " + q.estimatedSeconds()
                        + " 秒后再试", q.estimatedSeconds());
            }
            case NOT_GENERATED -> throw TitleCertException.conflict("CERTIFICATE_NOT_GENERATED",
                    "证书未生成：" + (c.getFailure() == null ? Reasons.NO_PHOTO : c.getFailure()));
            default -> throw TitleCertException.conflict("CERTIFICATE_FAILED", "证书生成失败：" + c.getFailure());
        }
    }

    /** How a file's bytes are read. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    private static CertificateFile file(String name, String sha, long size, int version, Opener from) {
        return new CertificateFile() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public String sha256() {
                return sha;
            }

            @Override
            public int version() {
                return version;
            }

            @Override
            public InputStream open() throws IOException {
                return from.open();
            }
        };
    }

    @Override
    public CertificateExport export(Caller caller, long filingId, List<Long> ids) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        Filing filing = filings.get(caller, filingId);
        List<Long> wanted = ids == null ? List.of() : ids.stream().distinct().toList();
        if (wanted.isEmpty()) {
            throw TitleCertException.invalid("EXPORT_EMPTY", "请至少选择一本证书");
        }
        if (wanted.size() > config.maxExport()) {
            throw TitleCertException.invalid("EXPORT_TOO_LARGE", "一次最多导出 " + config.maxExport() + " 本证书");
        }
        Map<Long, CertificateEntity> found = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i += 500) {
            List<Long> chunk = wanted.subList(i, Math.min(i + 500, wanted.size()));
            jpa.call(em -> em.createQuery("SELECT c FROM CertificateEntity c WHERE c.id IN :ids AND c.filingId = :f",
                    CertificateEntity.class).setParameter("ids", Sql.inList(chunk)).setParameter("f", filingId).getResultList())
                    .forEach(c -> found.put(c.getId(), c));
        }
        List<ZipExport.Item> items = new ArrayList<>();
        for (long id : wanted) {
            CertificateEntity c = found.get(id);
            if (c == null) {
                throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "所选证书不属于该批复备案：" + id);
            }
            if (c.getStatus() != GenerationStatus.GENERATED) {
                throw TitleCertException.conflict("CERTIFICATE_NOT_GENERATED",
                        "证书 " + c.getNumber() + "（" + c.getPersonName() + "）尚未生成，不能下载");
            }
            items.add(item(c));
        }
        items.sort(java.util.Comparator.comparing(ZipExport.Item::number));
        audit.record(caller, "CERTIFICATE_EXPORT", "filing:" + filingId, Outcome.SUCCESS, items.size() + " 本");
        String name = ZipExport.fileName(filing.approvalNumber() + "_证书", items.size() + "本").replace(".pdf", ".zip");
        return new ZipExport(name, items, store, ofdStore,
                id -> item(jpa.call(em -> em.find(CertificateEntity.class, id))));
    }

    @Override
    public CertificateExport exportAll(Caller caller, long filingId) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        Filing filing = filings.get(caller, filingId);
        // the items' few columns, not the entities: a filing of tens of thousands lists in a few MB
        List<ZipExport.Item> items = jpa.call(em -> em.createQuery("SELECT c.id, c.number, c.personName, c.maskedId, "
                        + "c.sha256, c.size, c.crc32, c.ofdSha256, c.ofdSize, c.ofdCrc32 FROM CertificateEntity c "
                        + "WHERE c.filingId = :f AND c.status = :s "
                        + "ORDER BY c.number", Object[].class).setParameter("f", filingId)
                .setParameter("s", GenerationStatus.GENERATED).getResultList()).stream()
                .map(r -> new ZipExport.Item((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7],
                        ((Number) r[8]).longValue(), ((Number) r[9]).longValue())).toList();
        if (items.isEmpty()) {
            throw TitleCertException.invalid("EXPORT_EMPTY", "该批复备案还没有已生成的证书");
        }
        audit.record(caller, "CERTIFICATE_EXPORT", "filing:" + filingId, Outcome.SUCCESS, "全部 " + items.size() + " 本");
        String name = ZipExport.fileName(filing.approvalNumber() + "_证书", "全部" + items.size() + "本")
                .replace(".pdf", ".zip");
        return new ZipExport(name, items, store, ofdStore,
                id -> item(jpa.call(em -> em.find(CertificateEntity.class, id))));
    }

    private static ZipExport.Item item(CertificateEntity c) {
        return new ZipExport.Item(c.getId(), c.getNumber(), c.getPersonName(), c.getMaskedId(), c.getSha256(),
                c.getSize(), c.getCrc32(), c.getOfdSha256(), c.getOfdSize(), c.getOfdCrc32());
    }

    // ---- changes

    @Override
    public Certificate revoke(Caller caller, long id, RevocationReason reason, String note) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_WRITE);
        applied(revocations.revoke(caller, id, reason, note, c -> mayRead(caller, c)));
        return get(caller, id);
    }

    @Override
    public int revokeFiling(Caller caller, long filingId, RevocationReason reason, String note) {
        return applied(revocations.revokeFiling(caller, approvedFiling(caller, filingId, "撤销整批证书"), reason,
                note));
    }

    @Override
    public Certificate reinstate(Caller caller, long id, String note) {
        requireSystem(caller, "撤销恢复");
        applied(revocations.reinstate(caller, id, note));
        return get(caller, id);
    }

    @Override
    public int reinstateFiling(Caller caller, long filingId, String note) {
        return applied(revocations.reinstateFiling(caller, approvedFiling(caller, filingId, "撤销恢复"), note));
    }

    /** A system admin's filing-wide act: the filing must be approved. */
    private Filing approvedFiling(Caller caller, long filingId, String act) {
        requireSystem(caller, act);
        Filing filing = filings.get(caller, filingId);
        if (filing.status() != FilingStatus.APPROVED) {
            throw TitleCertException.conflict("FILING_NOT_APPROVED", "该批复备案尚未审核通过，没有证书");
        }
        return filing;
    }

    private void requireSystem(Caller caller, String act) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_WRITE);
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以" + act);
        }
    }

    /** After the commit: an answer read before it is dropped, one read after it is already the new one. */
    private int applied(Revocations.Changed changed) {
        changed(changed.tokens(), changed.queued());
        EventAdmin ea = events;
        if (changed.revoked() && ea != null) {
            ea.postEvent(new Event(TOPIC_REVOKED, Map.of("certificateIds",
                    changed.ids().stream().mapToLong(Long::longValue).toArray(), "reason", changed.reason().label(),
                    "revokedAt", changed.revokedAt().toInstant(ZoneOffset.UTC).toEpochMilli())));
        }
        return changed.tokens().size();
    }

    @Override
    public void changed(java.util.Collection<String> tokens, boolean queued) {
        verification.forget(tokens);
        credentials.forgetStatus();
        if (queued) {
            generator.wake();
        }
    }

    @Override
    public Certificate regenerate(Caller caller, long id) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_WRITE);
        CertificateEntity c = readable(caller, id);
        if (c.getValidity() == Validity.REVOKED) {
            throw TitleCertException.conflict("CERTIFICATE_REVOKED", "已撤销的证书不能重新生成");
        }
        if (photos.info(Generator.ENGINE, c.getPersonId()).isEmpty()) {
            throw TitleCertException.conflict("CERTIFICATE_NOT_GENERATED", "证书未生成：" + Reasons.NO_PHOTO);
        }
        Db.now(jpa, (em, now) -> Sql.update(em, "UPDATE TC_CERTIFICATE SET STATUS = ?, REQUESTED = REQUESTED + 1, "
                + "QUEUED_AT = ?, FAILURE = NULL WHERE ID = ?", GenerationStatus.QUEUED, now, id));
        generator.wake();
        audit.record(caller, "CERTIFICATE_REGENERATE", "certificate:" + id, Outcome.SUCCESS, c.getNumber());
        return get(caller, id);
    }

    // ---- public verification

    @Override
    public Verification verify(String token, String clientAddress) {
        return verification.verify(token, clientAddress);
    }

    @Override
    public PdfCheck check(String token, InputStream pdf, String clientAddress) {
        return verification.check(token, pdf, clientAddress);
    }

    @Override
    public Optional<Verification> publicRecord(String token) {
        return verification.record(token);
    }

    @Override
    public Optional<IdentifiedFile> identify(byte[] pdf) {
        return verification.identify(pdf);
    }

    @Override
    public Optional<CertificateMatch> match(String certificateNumber, String name, String idNumber) {
        return verification.match(certificateNumber, name, idNumber,
                rosterEntryId -> filings.title(Caller.system("verification"), rosterEntryId).idNumber());
    }

    /** The queue's depth and the age of its oldest entry, counted at most every few seconds. */
    private record QueueCount(long depth, double oldestSeconds, long countedAt) {
    }

    private QueueCount queueNow() {
        QueueCount q = queueCount;
        if (System.nanoTime() - q.countedAt() < 5_000_000_000L && q.countedAt() != 0) {
            return q;
        }
        Object[] row = jpa.call(em -> em.createQuery("SELECT COUNT(c), MIN(c.queuedAt) FROM CertificateEntity c "
                + "WHERE c.status = :q", Object[].class).setParameter("q", GenerationStatus.QUEUED).getSingleResult());
        LocalDateTime oldest = (LocalDateTime) row[1];
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, Db.now()).toMillis() / 1000.0);
        queueCount = new QueueCount(((Number) row[0]).longValue(), age, System.nanoTime());
        return queueCount;
    }

    @Override
    public QueueState queue() {
        long queued = jpa.call(em -> em.createQuery("SELECT COUNT(c) FROM CertificateEntity c WHERE c.status = :q",
                Long.class).setParameter("q", GenerationStatus.QUEUED).getSingleResult());
        double rate = generator == null ? 0 : generator.perSecond();
        // before anything has been measured, assume a modest 20 certificates a second per worker
        double assumed = rate > 0 ? rate : 20.0 * Math.max(1, config.workers() > 0 ? config.workers()
                : Runtime.getRuntime().availableProcessors());
        return new QueueState(queued, rate, (int) Math.ceil(queued / assumed));
    }

    // ---- helpers


    private String nodeName() {
        if (!config.nodeName().isBlank()) {
            return config.nodeName().replaceAll("[^A-Za-z0-9.-]", "-");
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        String home = System.getProperty("karaf.base", Path.of("").toAbsolutePath().toString());
        return host.replaceAll("[^A-Za-z0-9.-]", "-") + "-" + Integer.toHexString(home.hashCode());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TitleCertException.busy("INTERRUPTED", "服务正在停止", 5);
        }
    }
}
