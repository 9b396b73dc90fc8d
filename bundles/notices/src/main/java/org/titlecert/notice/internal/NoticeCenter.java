package org.titlecert.notice.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.VersionReason;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.identity.Contact;
import org.titlecert.identity.ContactDirectory;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Transactions;
import org.titlecert.notice.Message;
import org.titlecert.notice.Notice;
import org.titlecert.notice.NoticeService;
import org.titlecert.notice.Recipient;

/**
 * Notices to holders: told as their certificates are generated, corrected, revoked and reinstated (from the
 * certificate engine's events, handled off the event thread), and when their unit asks for a photo; and their
 * message centre. Each notice goes into {@link NoticeQueue}, never out directly.
 */
@Component(service = {NoticeService.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + CertificateService.TOPIC_GENERATED,
                EventConstants.EVENT_TOPIC + "=" + CertificateService.TOPIC_REVOKED})
public class NoticeCenter implements NoticeService, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeCenter.class);
    private static final Caller PLATFORM = Caller.system("notices");
    private static final int PAGE = 200;
    private static final long GATHER_MS = 200;

    private final Transactions jpa;
    private final NoticeQueue queue;
    private final CertificateService certificates;
    private final FilingService filings;
    private final ContactDirectory contacts;
    private final AuditLog audit;
    private final ConcurrentLinkedQueue<Told> backlog = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Each filing's unit, fixed once it is approved (only approved filings have certificates); telling's own. */
    private final Map<Long, Long> unitOfFiling = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > 1000;
        }
    };
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "titlecert-notices");
        t.setDaemon(true);
        return t;
    });

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformClock clock;

    @Activate
    public NoticeCenter(@Reference(target = "(&(osgi.unit.name=titlecert-notice)" + Schema.CURRENT + ")")
                        EntityManagerFactory emf, @Reference NoticeQueue queue,
                        @Reference CertificateService certificates, @Reference FilingService filings,
                        @Reference ContactDirectory contacts, @Reference AuditLog audit) {
        this.jpa = new Transactions(emf);
        this.queue = queue;
        this.certificates = certificates;
        this.filings = filings;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Lets the batch under way finish: an interrupted Derby connection is closed. */
    @Deactivate
    void deactivate() {
        work.shutdown();
    }

    // ---- the platform's notices

    /** A certificate to tell its holder about, and what to say. */
    private record Told(long certificateId, java.util.function.Function<Certificate, Messages.Draft> what) {
    }

    @Override
    public void handleEvent(Event event) {
        if (CertificateService.TOPIC_GENERATED.equals(event.getTopic())
                && event.getProperty("certificateId") instanceof Long id
                && event.getProperty("version") instanceof Integer version
                && event.getProperty("reason") instanceof String reason && !"REGENERATED".equals(reason)) {
            VersionReason why = VersionReason.valueOf(reason);
            told(List.of(new Told(id, c -> Messages.generated(c, why, version))));
        } else if (CertificateService.TOPIC_REVOKED.equals(event.getTopic())
                && event.getProperty("certificateIds") instanceof long[] ids
                && event.getProperty("reason") instanceof String reason
                && event.getProperty("revokedAt") instanceof Long at) {
            // the reason as revoked: a reinstatement before the holder is told must not take it from the notice
            told(java.util.Arrays.stream(ids).mapToObj(id -> new Told(id, c -> Messages.revoked(c, reason, at))).toList());
        }
    }

    /**
     * Off the event thread, and in batches: a notice waits {@value #GATHER_MS} ms for others to go with it, so that
     * a filing generating a certificate every few milliseconds is told in a few transactions, not one each.
     */
    private void told(List<Told> more) {
        backlog.addAll(more);
        if (draining.compareAndSet(false, true)) {
            work.schedule(this::drain, GATHER_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        while (true) {
            List<Told> batch = new ArrayList<>();
            for (Told t; batch.size() < PAGE && (t = backlog.poll()) != null; ) {
                batch.add(t);
            }
            if (batch.isEmpty()) {
                draining.set(false);
                if (backlog.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            tell(batch);
        }
    }

    /** Tells the holders of these certificates; a failure is logged, never thrown at the act that caused it. */
    private void tell(List<Told> batch) {
        try {
            Map<Long, Certificate> byId = new HashMap<>();
            certificates.get(PLATFORM, batch.stream().map(Told::certificateId).toList()).forEach(c -> byId.put(c.id(), c));
            List<Certificate> certs = new ArrayList<>();
            List<Message> messages = new ArrayList<>();
            for (Told t : batch) {
                Certificate c = byId.get(t.certificateId());
                if (c != null) { // no longer there: nobody to tell
                    long unit = unitOfFiling.computeIfAbsent(c.filingId(), id -> filings.get(PLATFORM, id).unit().id());
                    certs.add(c);
                    messages.add(t.what().apply(c).to(c.personId(), unit, certificates.publicBaseUrl()));
                }
            }
            queue.enqueue(entries(messages, certs));
        } catch (RuntimeException e) {
            LOG.warn("The holders of {} certificates were not told", batch.size(), e);
        }
    }

    private List<NoticeQueue.Entry> entries(List<Message> messages, List<Certificate> certs) {
        Map<Long, Contact> known = contacts.contacts(PLATFORM, messages.stream().map(Message::personId).toList());
        Map<Long, String> names = new HashMap<>();
        certs.forEach(c -> names.putIfAbsent(c.personId(), c.personName()));
        return messages.stream().map(m -> {
            Contact c = known.get(m.personId());
            return new NoticeQueue.Entry(new Recipient(m.personId(), names.get(m.personId()),
                    c == null ? null : c.mobile(), c == null ? null : c.email()), m);
        }).toList();
    }

    @Override
    public int remindPhotos(Caller caller, long filingId) {
        if (!caller.isAdmin() || !caller.hasScope(Scopes.CERTIFICATES_WRITE)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅管理人员可以发送提醒");
        }
        Filing f = filings.get(caller, filingId);
        if (f.status() != FilingStatus.APPROVED) {
            throw TitleCertException.conflict("FILING_NOT_APPROVED", "该批复备案尚未审核通过，没有证书");
        }
        List<Certificate> waiting = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<Certificate> p = certificates.byFiling(caller, filingId, GenerationStatus.NOT_GENERATED, null,
                    new PageRequest(page, PAGE));
            waiting.addAll(p.items());
            if (p.items().size() < PAGE) {
                break;
            }
        }
        LocalDate today = clock.today();
        List<Message> messages = waiting.stream()
                .map(c -> Messages.photoRequested(c, f, today).to(c.personId(), f.unit().id(), certificates.publicBaseUrl())).toList();
        int reminded = queue.enqueue(entries(messages, waiting));
        audit.record(caller, "PHOTO_REMINDER", "filing:" + filingId, Outcome.SUCCESS,
                f.approvalNumber() + " 未生成 " + waiting.size() + " 人，提醒 " + reminded + " 人");
        return reminded;
    }

    @Override
    public boolean send(String channel, Recipient recipient, Message message) {
        return queue.enqueue(List.of(new NoticeQueue.Entry(recipient, message)), channel) == 1;
    }

    @Override
    public List<org.titlecert.notice.ChannelStatus> deliveries(Caller caller) {
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以查看消息投递情况");
        }
        return queue.status();
    }

    // ---- the message centre

    @Override
    public Page<Notice> mine(Caller caller, PageRequest page) {
        if (!holder(caller)) {
            return new Page<>(List.of(), 0, page.page(), page.size());
        }
        return jpa.call(em -> {
            String where = where(caller);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(n) FROM NoticeEntity n" + where, Long.class);
            TypedQuery<NoticeEntity> list = em.createQuery("SELECT n FROM NoticeEntity n" + where
                    + " ORDER BY n.createdAt DESC, n.id DESC", NoticeEntity.class);
            bind(caller, count);
            bind(caller, list);
            return new Page<>(list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(NoticeEntity::toDto).toList(), count.getSingleResult(), page.page(), page.size());
        });
    }

    @Override
    public long unread(Caller caller) {
        if (!holder(caller)) {
            return 0;
        }
        return jpa.call(em -> bind(caller, em.createQuery("SELECT COUNT(n) FROM NoticeEntity n" + where(caller)
                + " AND n.readAt IS NULL", Long.class)).getSingleResult());
    }

    @Override
    public Notice markRead(Caller caller, long id) {
        return jpa.call(em -> {
            NoticeEntity n = em.find(NoticeEntity.class, id);
            if (n == null || !caller.isHolder(n.getPersonId(), n.getUnitId())) {
                throw TitleCertException.notFound("NOTICE_NOT_FOUND", "消息不存在");
            }
            em.createQuery("UPDATE NoticeEntity n SET n.readAt = :now WHERE n.id = :id AND n.readAt IS NULL")
                    .setParameter("now", LocalDateTime.now(ZoneOffset.UTC)).setParameter("id", id).executeUpdate();
            em.refresh(n);
            return n.toDto();
        });
    }

    @Override
    public int markAllRead(Caller caller) {
        if (!holder(caller)) {
            return 0;
        }
        return jpa.call(em -> bind(caller, em.createQuery("UPDATE NoticeEntity n SET n.readAt = :now"
                + where(caller) + " AND n.readAt IS NULL")).setParameter("now", LocalDateTime.now(ZoneOffset.UTC))
                .executeUpdate());
    }

    @Override
    public int eraseMine(Caller caller) {
        if (!holder(caller)) {
            return 0;
        }
        return jpa.call(em -> {
            // the delivery log holds addresses and texts too: sent or not, it goes
            em.createQuery("DELETE FROM DeliveryEntity d WHERE d.personId = :p").setParameter("p", caller.personId())
                    .executeUpdate();
            return bind(caller, em.createQuery("DELETE FROM NoticeEntity n" + where(caller))).executeUpdate();
        });
    }

    private static boolean holder(Caller caller) {
        return caller.role() == Role.INDIVIDUAL && caller.personId() != null;
    }

    /** The caller's notices: their person's, and only their vouching unit's if a unit vouched for them. */
    private static String where(Caller caller) {
        return " WHERE n.personId = :p" + (caller.unitId() == null ? "" : " AND n.unitId = :u");
    }

    private static <Q extends javax.persistence.Query> Q bind(Caller caller, Q q) {
        q.setParameter("p", caller.personId());
        if (caller.unitId() != null) {
            q.setParameter("u", caller.unitId());
        }
        return q;
    }
}
