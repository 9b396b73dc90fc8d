package org.titlecert.filing.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.CreditCode;
import org.titlecert.jpa.Transactions;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.Committee;
import org.titlecert.filing.IssuingAuthority;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.OrganizingUnit;

/** Organizing units, committees and issuing authorities in the registry's tables. */
@Component(service = OrganizationService.class)
public class JpaOrganizationService implements OrganizationService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{2,32}");
    private static final Pattern REGION = Pattern.compile("[0-9]{2,12}");

    private final Transactions jpa;
    private final AuditLog audit;

    @Activate
    public JpaOrganizationService(@Reference(target = JpaFilingService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                                  @Reference AuditLog audit) {
        this.jpa = new Transactions(emf);
        this.audit = audit;
    }

    @Override
    public List<OrganizingUnit> units() {
        return list("SELECT u FROM UnitEntity u ORDER BY u.code", UnitEntity.class, UnitEntity::toDto);
    }

    @Override
    public Optional<OrganizingUnit> unit(long id) {
        return jpa.call(em -> Optional.ofNullable(em.find(UnitEntity.class, id)).map(UnitEntity::toDto));
    }

    @Override
    public Optional<OrganizingUnit> unitByCode(String code) {
        return jpa.call(em -> em.createQuery("SELECT u FROM UnitEntity u WHERE u.code = :c", UnitEntity.class)
                .setParameter("c", code).getResultList().stream().findFirst().map(UnitEntity::toDto));
    }

    @Override
    public List<Committee> committees() {
        return list("SELECT c FROM CommitteeEntity c ORDER BY c.code", CommitteeEntity.class, CommitteeEntity::toDto);
    }

    @Override
    public Optional<Committee> committee(long id) {
        return jpa.call(em -> Optional.ofNullable(em.find(CommitteeEntity.class, id)).map(CommitteeEntity::toDto));
    }

    @Override
    public List<IssuingAuthority> issuingAuthorities() {
        return list("SELECT a FROM AuthorityEntity a ORDER BY a.code", AuthorityEntity.class, AuthorityEntity::toDto);
    }

    @Override
    public Optional<IssuingAuthority> issuingAuthority(long id) {
        return jpa.call(em -> Optional.ofNullable(em.find(AuthorityEntity.class, id)).map(AuthorityEntity::toDto));
    }

    @Override
    public OrganizingUnit createUnit(Caller caller, String code, String name) {
        check(caller, code, name);
        return recorded(caller, "UNIT_CREATE", create(em -> {
            UnitEntity u = new UnitEntity(code, name.strip());
            em.persist(u);
            return u.toDto();
        }), code);
    }

    @Override
    public Committee createCommittee(Caller caller, long unitId, String code, String name, String region) {
        check(caller, code, name);
        if (region == null || !REGION.matcher(region).matches()) {
            throw TitleCertException.invalid("INVALID_REGION", "地区代码应为 2 到 12 位数字");
        }
        return recorded(caller, "COMMITTEE_CREATE", create(em -> {
            UnitEntity unit = em.find(UnitEntity.class, unitId);
            if (unit == null) {
                throw TitleCertException.notFound("UNIT_NOT_FOUND", "组建单位不存在");
            }
            CommitteeEntity c = new CommitteeEntity(unit, code, name.strip(), region);
            em.persist(c);
            return c.toDto();
        }), code);
    }

    @Override
    public IssuingAuthority createIssuingAuthority(Caller caller, String code, String name) {
        check(caller, code, name);
        return recorded(caller, "AUTHORITY_CREATE", create(em -> {
            AuthorityEntity a = new AuthorityEntity(code, name.strip());
            em.persist(a);
            return a.toDto();
        }), code);
    }

    @Override
    public IssuingAuthority updateIssuingAuthority(Caller caller, long id, String name, String creditCode) {
        checkSystem(caller);
        checkName(name);
        String code = creditCode == null || creditCode.isBlank() ? null : CreditCode.normalise(creditCode);
        if (code != null) {
            CreditCode.problem(code).ifPresent(p -> {
                throw TitleCertException.invalid("INVALID_CREDIT_CODE", p);
            });
        }
        IssuingAuthority updated = jpa.call(em -> {
            AuthorityEntity a = em.find(AuthorityEntity.class, id);
            if (a == null) {
                throw TitleCertException.notFound("AUTHORITY_NOT_FOUND", "发证机关不存在");
            }
            a.update(name.strip(), code);
            return a.toDto();
        });
        return recorded(caller, "AUTHORITY_UPDATE", updated, updated.code());
    }

    private <E, T> List<T> list(String jpql, Class<E> type, Function<E, T> toDto) {
        return jpa.call(em -> em.createQuery(jpql, type).getResultList().stream().map(toDto).toList());
    }

    private <T> T create(Function<EntityManager, T> work) {
        try {
            return jpa.call(work);
        } catch (TitleCertException e) {
            throw e;
        } catch (PersistenceException e) {
            throw TitleCertException.conflict("CODE_TAKEN", "代码已被使用");
        }
    }

    private <T> T recorded(Caller caller, String action, T created, String code) {
        audit.record(caller, action, code, Outcome.SUCCESS, null);
        return created;
    }

    private static void check(Caller caller, String code, String name) {
        checkSystem(caller);
        if (code == null || !CODE.matcher(code).matches()) {
            throw TitleCertException.invalid("INVALID_CODE", "代码应为 2 到 32 位字母、数字或下划线");
        }
        checkName(name);
    }

    private static void checkSystem(Caller caller) {
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以维护组织机构");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw TitleCertException.invalid("INVALID_NAME", "名称不能为空且不超过 100 字");
        }
    }
}
