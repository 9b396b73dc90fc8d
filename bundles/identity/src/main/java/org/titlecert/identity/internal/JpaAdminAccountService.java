package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.OrganizationService;
import org.titlecert.identity.AdminAccount;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.NewSecret;
import org.titlecert.jpa.Transactions;

/** Admin accounts, managed by system admins; passwords are generated, shown once and stored as Argon2id. */
@Component(service = AdminAccountService.class)
public class JpaAdminAccountService implements AdminAccountService {

    private final Transactions jpa;
    private final AuditLog audit;
    private final OrganizationService organizations;
    private final JpaIdentityService identity;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public JpaAdminAccountService(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                                  @Reference AuditLog audit, @Reference OrganizationService organizations,
                                  @Reference IdentityService identity) {
        this.jpa = new Transactions(emf);
        this.audit = audit;
        this.organizations = organizations;
        this.identity = (JpaIdentityService) identity;
    }

    @Override
    public List<AdminAccount> list(Caller caller) {
        requireSystem(caller);
        return jpa.call(em -> em.createQuery("SELECT a FROM AccountEntity a WHERE a.role IN :r ORDER BY a.login",
                AccountEntity.class).setParameter("r", List.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN)).getResultList().stream()
                .map(JpaAdminAccountService::toDto).toList());
    }

    @Override
    public NewSecret create(Caller caller, String login, String displayName, Role role, Long unitId,
                            boolean oneTime) {
        requireSystem(caller);
        String l = login == null ? "" : login.strip();
        if (!l.matches(Accounts.ADMIN_LOGIN)) {
            throw TitleCertException.invalid("INVALID_LOGIN", Accounts.ADMIN_LOGIN_RULE);
        }
        if (role != Role.SYSTEM_ADMIN && role != Role.UNIT_ADMIN) {
            throw TitleCertException.invalid("INVALID_ROLE", "管理人员的角色应为系统管理员或单位管理员");
        }
        if (role == Role.UNIT_ADMIN && (unitId == null || organizations.unit(unitId).isEmpty())) {
            throw TitleCertException.invalid("INVALID_UNIT", "单位管理员须绑定一个组建单位");
        }
        String password = Secrets.password(14);
        String hash = identity.hasher().hash(password);
        long id;
        try {
            id = jpa.call(em -> {
                if (Accounts.byLogin(em, l).isPresent()) {
                    throw TitleCertException.conflict("LOGIN_TAKEN", "该账号已存在");
                }
                AccountEntity a = new AccountEntity(l, role, LocalDateTime.now(clock));
                a.setDisplayName(displayName == null || displayName.isBlank() ? null : displayName.strip());
                a.setUnitId(role == Role.UNIT_ADMIN ? unitId : null);
                a.setPasswordHash(hash);
                a.setOneTimePasswordAt(oneTime ? a.getCreatedAt() : null);
                a.setRegistered(true);
                em.persist(a);
                em.flush();
                return a.getId();
            });
        } catch (PersistenceException e) {
            if (jpa.call(em -> Accounts.byLogin(em, l).isPresent())) {
                throw TitleCertException.conflict("LOGIN_TAKEN", "该账号已存在");
            }
            throw e;
        }
        audit.record(caller, "ADMIN_CREATE", "account:" + id, Outcome.SUCCESS, l + " " + role
                + (unitId == null ? "" : " unit:" + unitId));
        return new NewSecret(id, l, password);
    }

    @Override
    public void setEnabled(Caller caller, long id, boolean enabled) {
        requireSystem(caller);
        jpa.run(em -> {
            AccountEntity a = admin(em, id);
            if (!enabled && a.getLogin().equals(caller.principal())) {
                throw TitleCertException.invalid("CANNOT_DISABLE_SELF", "不能停用自己的账号");
            }
            a.setEnabled(enabled);
            if (!enabled) {
                endSessions(em, id);
            }
        });
        audit.record(caller, enabled ? "ADMIN_ENABLE" : "ADMIN_DISABLE", "account:" + id, Outcome.SUCCESS, null);
    }

    @Override
    public NewSecret resetPassword(Caller caller, long id) {
        requireSystem(caller);
        String password = Secrets.password(14);
        String hash = identity.hasher().hash(password);
        String login = jpa.call(em -> {
            AccountEntity a = admin(em, id);
            a.setPasswordHash(hash);
            a.setOneTimePasswordAt(LocalDateTime.now(clock));
            endSessions(em, id);
            return a.getLogin();
        });
        audit.record(caller, "ADMIN_PASSWORD_RESET", "account:" + id, Outcome.SUCCESS, null);
        return new NewSecret(id, login, password);
    }

    /** True if no enabled system admin exists yet. */
    boolean noSystemAdmin() {
        return jpa.call(em -> em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE a.role = :r AND a.enabled = true",
                Long.class).setParameter("r", Role.SYSTEM_ADMIN).getSingleResult() == 0);
    }

    private static AccountEntity admin(EntityManager em, long id) {
        AccountEntity a = em.find(AccountEntity.class, id);
        if (a == null || !Accounts.isAdmin(a)) {
            throw TitleCertException.notFound("ACCOUNT_NOT_FOUND", "账号不存在");
        }
        return a;
    }

    private static void endSessions(EntityManager em, long accountId) {
        em.createQuery("DELETE FROM SessionEntity s WHERE s.accountId = :a").setParameter("a", accountId)
                .executeUpdate();
    }

    private static void requireSystem(Caller caller) {
        if (!caller.isSystem() || !caller.hasScope(Scopes.ADMIN)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以管理账号");
        }
    }

    private static AdminAccount toDto(AccountEntity a) {
        return new AdminAccount(a.getId(), a.getLogin(), a.getDisplayName(), a.getRole(), a.getUnitId(), a.isEnabled(),
                a.getCreatedAt().toInstant(ZoneOffset.UTC),
                a.getLastLoginAt() == null ? null : a.getLastLoginAt().toInstant(ZoneOffset.UTC));
    }
}
