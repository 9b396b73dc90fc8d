package org.titlecert.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditEntry;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.AuditQuery;
import org.titlecert.audit.Outcome;
import org.titlecert.jpa.Transactions;
import org.titlecert.jpa.Schema;

/** The audit log in TC_AUDIT, also echoed to the platform log. Values are masked and escaped first. */
@Component(service = AuditLog.class)
public class JpaAuditLog implements AuditLog {

    static final String PERSISTENCE_UNIT = "(&(osgi.unit.name=titlecert-audit)" + Schema.CURRENT + ")";
    private static final Logger LOG = LoggerFactory.getLogger("org.titlecert.audit");

    private final Transactions jpa;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public JpaAuditLog(@Reference(target = PERSISTENCE_UNIT) EntityManagerFactory emf) {
        this.jpa = new Transactions(emf);
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
        AuditEntry d = e.toDto();
        LOG.info("{} {} {} actor={} address={} target={} detail={}", d.action(), d.outcome(), d.role(), d.actor(),
                d.address(), d.target(), d.detail());
    }

    @Override
    public Page<AuditEntry> find(Caller caller, AuditQuery q) {
        if (!caller.isSystem() || !caller.hasScope(Scopes.AUDIT_READ)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以查看审计日志");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
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
        PageRequest p = q.page();
        return jpa.call(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntity a" + where, Long.class);
            params.forEach(count::setParameter);
            long total = count.getSingleResult();
            TypedQuery<AuditEntity> page = em.createQuery("SELECT a FROM AuditEntity a" + where
                    + " ORDER BY a.at DESC, a.id DESC", AuditEntity.class);
            params.forEach(page::setParameter);
            List<AuditEntry> items = total <= p.offset() ? List.of()
                    : page.setFirstResult(p.offset()).setMaxResults(p.size()).getResultList().stream()
                    .map(AuditEntity::toDto).toList();
            return new Page<>(items, total, p.page(), p.size());
        });
    }
}
