package org.titlecert.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditEntry;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.AuditQuery;
import org.titlecert.audit.Outcome;
import org.titlecert.jpa.Transactions;
import org.titlecert.jpa.Schema;
import org.titlecert.metrics.Metrics;

/** The audit log in TC_AUDIT, also echoed to the platform log. Values are masked and escaped first. */
@Component(service = AuditLog.class, configurationPid = "org.titlecert.audit")
@Designate(ocd = AuditConfig.class)
public class JpaAuditLog implements AuditLog {

    static final String PERSISTENCE_UNIT = "(&(osgi.unit.name=titlecert-audit)" + Schema.CURRENT + ")";
    private static final Logger LOG = LoggerFactory.getLogger("org.titlecert.audit");

    private final Transactions jpa;
    private static final int EXPORT_PAGE = 1000;
    /** Every login is audited, so the log is where logins are counted. */
    private final Metrics.Counter logins;

    private final Clock clock = Clock.systemUTC();

    /** The zone the export's times are in. */
    @Reference(policyOption = ReferencePolicyOption.GREEDY, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformClock platformClock;

    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "titlecert-audit-retention");
        t.setDaemon(true);
        return t;
    });
    private volatile int retentionDays;

    @Activate
    public JpaAuditLog(@Reference(target = PERSISTENCE_UNIT) EntityManagerFactory emf, @Reference Metrics metrics,
                       AuditConfig config) {
        this.jpa = new Transactions(emf);
        this.logins = metrics.counter("titlecert_logins_total",
                "Logins (LOGIN, ADMIN_LOGIN, SSO_LOGIN) by outcome: SUCCESS, FAILURE, DENIED (throttled)", "action",
                "outcome");
        modified(config);
        purger.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                LOG.warn("Could not remove audit entries past their retention; trying again tomorrow", e);
            }
        }, 10, 24 * 60 * 60, TimeUnit.SECONDS);
    }

    @Modified
    void modified(AuditConfig config) {
        int days = config.retentionDays();
        if (days > 0 && days < AuditConfig.MINIMUM_DAYS) {
            LOG.warn("retentionDays = {} is below the {} days an audit (等保) asks for; keeping {} days", days,
                    AuditConfig.MINIMUM_DAYS, AuditConfig.MINIMUM_DAYS);
            days = AuditConfig.MINIMUM_DAYS;
        }
        retentionDays = days;
    }

    @Deactivate
    void deactivate() {
        purger.shutdownNow();
    }

    @Override
    public void record(Caller caller, String action, String target, Outcome outcome, String detail) {
        write(caller.principal(), caller.role().name(), caller.address(), action, target, outcome, detail);
    }

    @Override
    public void recordAnonymous(String actor, String address, String action, String target, Outcome outcome,
                                String detail) {
        write(actor == null || actor.isBlank() ? "anonymous" : actor, null, address, action, target, outcome, detail);
    }

    private void write(String actor, String role, String address, String action, String target, Outcome outcome,
                       String detail) {
        AuditEntity e = new AuditEntity(LocalDateTime.now(clock), Masking.clean(actor, 100), role,
                Masking.clean(address, 64), Masking.clean(action, 40), Masking.clean(target, 200), outcome,
                Masking.clean(detail, 1000));
        jpa.run(em -> em.persist(e));
        if (action.endsWith("LOGIN")) {
            logins.inc(action, outcome.name());
        }
        AuditEntry d = e.toDto();
        LOG.info("{} {} {} actor={} address={} target={} detail={}", d.action(), d.outcome(), d.role(), d.actor(),
                d.address(), d.target(), d.detail());
    }

    @Override
    public Page<AuditEntry> find(Caller caller, AuditQuery q) {
        allowed(caller);
        Filter f = new Filter(q);
        PageRequest p = q.page();
        return jpa.call(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntity a" + f.where, Long.class);
            f.params.forEach(count::setParameter);
            long total = count.getSingleResult();
            TypedQuery<AuditEntity> page = em.createQuery("SELECT a FROM AuditEntity a" + f.where
                    + " ORDER BY a.at DESC, a.id DESC", AuditEntity.class);
            f.params.forEach(page::setParameter);
            List<AuditEntry> items = total <= p.offset() ? List.of()
                    : page.setFirstResult(p.offset()).setMaxResults(p.size()).getResultList().stream()
                    .map(AuditEntity::toDto).toList();
            return new Page<>(items, total, p.page(), p.size());
        });
    }

    @Override
    public Export export(Caller caller, AuditQuery q) {
        allowed(caller);
        Filter f = new Filter(q);
        return out -> {
            long written = AuditCsv.write(out, platformClock.zone(), after -> jpa.call(em -> {
                // a page at a time, after the last one written: an export of years holds one page in memory
                TypedQuery<AuditEntity> page = em.createQuery("SELECT a FROM AuditEntity a" + f.where
                        + (after == null ? "" : " AND (a.at > :lastAt OR (a.at = :lastAt AND a.id > :lastId))")
                        + " ORDER BY a.at, a.id", AuditEntity.class);
                f.params.forEach(page::setParameter);
                if (after != null) {
                    page.setParameter("lastAt", LocalDateTime.ofInstant(after.at(), ZoneOffset.UTC));
                    page.setParameter("lastId", after.id());
                }
                return page.setMaxResults(EXPORT_PAGE).getResultList().stream().map(AuditEntity::toDto).toList();
            }));
            record(caller, "AUDIT_EXPORT", null, Outcome.SUCCESS, written + " entries"
                    + (q.from() == null ? "" : " from " + q.from()) + (q.to() == null ? "" : " to " + q.to()));
            return written;
        };
    }

    /**
     * Removes the entries older than the retention, when one is set: at start and daily. The removal is itself
     * recorded, with the count and the date before which entries went.
     */
    void purge() {
        int days = retentionDays;
        if (days <= 0) {
            return;
        }
        LocalDateTime cutoff = LocalDateTime.now(clock).minusDays(days);
        int removed = jpa.call(em -> em.createQuery("DELETE FROM AuditEntity a WHERE a.at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
        if (removed > 0) {
            write("platform", null, null, "AUDIT_PURGE", null, Outcome.SUCCESS,
                    removed + " entries older than " + days + " days (before " + cutoff + " UTC)");
        }
    }

    private static void allowed(Caller caller) {
        if (!caller.isSystem() || !caller.hasScope(Scopes.AUDIT_READ)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以查看审计日志");
        }
    }

    /** The query's filters as JPQL conditions and their parameters. */
    private static final class Filter {
        final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        final Map<String, Object> params = new HashMap<>();

        Filter(AuditQuery q) {
            if (q.actor() != null && !q.actor().isBlank()) {
                where.append(" AND a.actor = :actor");
                params.put("actor", q.actor().strip());
            }
            if (q.action() != null && !q.action().isBlank()) {
                where.append(" AND a.action = :action");
                params.put("action", q.action().strip());
            }
            if (q.outcome() != null) {
                where.append(" AND a.outcome = :outcome");
                params.put("outcome", q.outcome());
            }
            if (q.from() != null) {
                where.append(" AND a.at >= :from");
                params.put("from", LocalDateTime.ofInstant(q.from(), ZoneOffset.UTC));
            }
            if (q.to() != null) {
                where.append(" AND a.at < :to");
                params.put("to", LocalDateTime.ofInstant(q.to(), ZoneOffset.UTC));
            }
        }
    }
}
