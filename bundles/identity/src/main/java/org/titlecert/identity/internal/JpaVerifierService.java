package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.CreditCode;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.identity.ApiKey;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.Verifier;
import org.titlecert.identity.VerifierApplication;
import org.titlecert.identity.VerifierService;
import org.titlecert.identity.VerifierStatus;
import org.titlecert.jpa.Transactions;

/**
 * 查验单位 registration: an application creates the organisation and its account, disabled; a system admin's
 * approval enables the account, a refusal (or stopping it later) disables it and ends its sessions.
 */
@Component(service = VerifierService.class)
public class JpaVerifierService implements VerifierService {

    private final Transactions jpa;
    private final AuditLog audit;
    private final JpaIdentityService identity;
    private final JpaApiKeyService keys;
    private final Clock clock = Clock.systemUTC();
    /** Active keys a verifier may hold at once. */
    private static final int MAX_KEYS = 10;

    @Activate
    public JpaVerifierService(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                              @Reference AuditLog audit, @Reference IdentityService identity,
                              @Reference ApiKeyService keys) {
        this.keys = (JpaApiKeyService) keys;
        this.jpa = new Transactions(emf);
        this.audit = audit;
        this.identity = (JpaIdentityService) identity;
    }

    @Override
    public Verifier apply(VerifierApplication a, String address) {
        if (a == null) {
            throw TitleCertException.invalid("VERIFIER_INVALID", "请填写查验单位注册信息");
        }
        Details d = check(a.name(), a.creditCode(), a.contactName(), a.contactMobile(), a.login(), a.password());
        identity.requireCaptcha(a.captchaId(), a.captchaAnswer(), address);
        Verifier created = store(d, identity.hasher().hash(a.password()), null, false);
        audit.recordAnonymous(d.login(), address, "VERIFIER_APPLY", "verifier:" + created.id(), Outcome.SUCCESS,
                d.name() + " " + d.creditCode());
        return created;
    }

    @Override
    public NewSecret create(Caller caller, String name, String creditCode, String contactName, String contactMobile,
                            String login, boolean oneTime) {
        requireSystem(caller);
        String password = Secrets.password(14);
        Details d = check(name, creditCode, contactName, contactMobile, login, password);
        Verifier created = store(d, identity.hasher().hash(password), caller.principal(), oneTime);
        audit.record(caller, "VERIFIER_CREATE", "verifier:" + created.id(), Outcome.SUCCESS,
                d.name() + " " + d.creditCode());
        return new NewSecret(created.id(), d.login(), password);
    }

    /** An application's fields, checked and normalised. */
    private record Details(String name, String creditCode, String contactName, String contactMobile, String login) {
    }

    private static Details check(String name, String creditCode, String contactName, String contactMobile,
                                 String login, String password) {
        Details d = new Details(strip(name), CreditCode.normalise(creditCode), strip(contactName),
                strip(contactMobile), strip(login));
        List<Violation> v = new ArrayList<>();
        if (d.name().length() < 2 || d.name().length() > 100) {
            v.add(Violation.field("name", "请填写单位全称（2 至 100 字）"));
        }
        CreditCode.problem(d.creditCode()).ifPresent(p -> v.add(Violation.field("creditCode", p)));
        if (d.contactName().length() < 2 || d.contactName().length() > 50) {
            v.add(Violation.field("contactName", "请填写联系人姓名"));
        }
        if (!Accounts.validMobile(d.contactMobile())) {
            v.add(Violation.field("contactMobile", "请输入 11 位手机号码"));
        }
        if (!d.login().matches(Accounts.ADMIN_LOGIN)) {
            v.add(Violation.field("login", Accounts.ADMIN_LOGIN_RULE));
        }
        Accounts.passwordProblem(password, d.login(), d.contactMobile(), d.creditCode())
                .ifPresent(p -> v.add(Violation.field("password", p)));
        if (!v.isEmpty()) {
            throw TitleCertException.invalid("VERIFIER_INVALID", v.get(0).reason(), v);
        }
        return d;
    }

    /** Stores the verifier and its account: pending, or approved at once when a system admin made it. */
    private Verifier store(Details d, String hash, String approvedBy, boolean oneTime) {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            return jpa.call(em -> {
                boolean active = !em.createQuery("SELECT v.id FROM VerifierEntity v WHERE v.creditCode = :c"
                                + " AND v.status <> :r", Long.class).setParameter("c", d.creditCode())
                        .setParameter("r", VerifierStatus.REJECTED).setMaxResults(1).getResultList().isEmpty();
                if (active) {
                    throw TitleCertException.conflict("VERIFIER_EXISTS", "该统一社会信用代码已注册查验单位或正在审核");
                }
                if (Accounts.byLogin(em, d.login()).isPresent()) {
                    throw loginTaken();
                }
                VerifierEntity e = new VerifierEntity(d.name(), d.creditCode(), d.contactName(), d.contactMobile(), now);
                if (approvedBy != null) {
                    e.decide(VerifierStatus.APPROVED, approvedBy, null, now);
                }
                em.persist(e);
                AccountEntity account = new AccountEntity(d.login(), Role.VERIFIER, now);
                account.setDisplayName(d.name().length() > 50 ? d.name().substring(0, 50) : d.name());
                account.setPasswordHash(hash);
                account.setEnabled(approvedBy != null);
                account.setOneTimePasswordAt(oneTime ? now : null);
                account.setRegistered(true);
                em.persist(account);
                em.flush();
                account.setVerifierId(e.getId());
                e.setAccountId(account.getId());
                return e.toDto(d.login());
            });
        } catch (PersistenceException e) {
            // the same application sent twice at once: the login is unique
            if (jpa.call(em -> Accounts.byLogin(em, d.login()).isPresent())) {
                throw loginTaken();
            }
            throw e;
        }
    }

    @Override
    public Page<Verifier> list(Caller caller, VerifierStatus status, PageRequest page) {
        requireSystem(caller);
        return jpa.call(em -> {
            String where = status == null ? "" : " WHERE v.status = :s";
            var count = em.createQuery("SELECT COUNT(v) FROM VerifierEntity v" + where, Long.class);
            var items = em.createQuery("SELECT v FROM VerifierEntity v" + where
                    + " ORDER BY v.appliedAt DESC, v.id DESC", VerifierEntity.class);
            if (status != null) {
                count.setParameter("s", status);
                items.setParameter("s", status);
            }
            List<Verifier> list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(v -> v.toDto(login(em, v))).toList();
            return new Page<>(list, count.getSingleResult(), page.page(), page.size());
        });
    }

    @Override
    public Verifier approve(Caller caller, long id) {
        requireSystem(caller);
        Verifier v = jpa.call(em -> {
            VerifierEntity e = find(em, id);
            if (e.getStatus() != VerifierStatus.PENDING) {
                throw TitleCertException.conflict("VERIFIER_NOT_PENDING", "该申请已处理");
            }
            e.decide(VerifierStatus.APPROVED, caller.principal(), null, LocalDateTime.now(clock));
            em.find(AccountEntity.class, e.getAccountId()).setEnabled(true);
            return e.toDto(login(em, e));
        });
        audit.record(caller, "VERIFIER_APPROVE", "verifier:" + id, Outcome.SUCCESS, v.name() + " " + v.creditCode());
        return v;
    }

    @Override
    public Verifier reject(Caller caller, long id, String reason) {
        requireSystem(caller);
        String why = strip(reason);
        if (why.length() < 2 || why.length() > 200) {
            throw TitleCertException.invalid("REASON_REQUIRED", "请填写不予通过或停用的原因（2 至 200 字）",
                    List.of(Violation.field("reason", "请填写原因（2 至 200 字）")));
        }
        Verifier v = jpa.call(em -> {
            VerifierEntity e = find(em, id);
            if (e.getStatus() == VerifierStatus.REJECTED) {
                throw TitleCertException.conflict("VERIFIER_NOT_PENDING", "该申请已处理");
            }
            e.decide(VerifierStatus.REJECTED, caller.principal(), why, LocalDateTime.now(clock));
            em.find(AccountEntity.class, e.getAccountId()).setEnabled(false);
            em.createQuery("DELETE FROM SessionEntity s WHERE s.accountId = :a").setParameter("a", e.getAccountId())
                    .executeUpdate();
            return e.toDto(login(em, e));
        });
        audit.record(caller, "VERIFIER_REJECT", "verifier:" + id, Outcome.SUCCESS, v.name() + "：" + why);
        return v;
    }

    @Override
    public Optional<Verifier> of(Caller caller) {
        if (caller == null || !caller.isVerifier()) {
            return Optional.empty();
        }
        return jpa.call(em -> verifierId(em, caller).map(id -> em.find(VerifierEntity.class, id))
                .map(e -> e.toDto(login(em, e))));
    }

    /** The verifier a verifier's session or key acts for. */
    private static Optional<Long> verifierId(EntityManager em, Caller caller) {
        if (caller.principal().startsWith(JpaApiKeyService.PRINCIPAL_PREFIX)) {
            ApiKeyEntity k = em.find(ApiKeyEntity.class, Long.parseLong(caller.principal()
                    .substring(JpaApiKeyService.PRINCIPAL_PREFIX.length())));
            return Optional.ofNullable(k).map(ApiKeyEntity::getVerifierId);
        }
        return Accounts.byLogin(em, caller.principal()).filter(a -> a.getRole() == Role.VERIFIER)
                .map(AccountEntity::getVerifierId);
    }

    @Override
    public NewSecret createApiKey(Caller caller, String label) {
        long verifier = ownAccount(caller);
        String l = strip(label);
        if (l.isEmpty() || l.length() > 100) {
            throw TitleCertException.invalid("INVALID_LABEL", "请填写用途说明（不超过 100 字）");
        }
        long active = jpa.call(em -> em.createQuery("SELECT COUNT(k) FROM ApiKeyEntity k WHERE k.verifierId = :v "
                + "AND k.revokedAt IS NULL", Long.class).setParameter("v", verifier).getSingleResult());
        if (active >= MAX_KEYS) {
            throw TitleCertException.conflict("API_KEY_LIMIT", "有效的 API 密钥已有 " + active + " 个，请先撤销不再使用的密钥");
        }
        NewSecret made = keys.store(l, null, verifier, java.util.Set.of(Scopes.VERIFY));
        audit.record(caller, "API_KEY_CREATE", JpaApiKeyService.PRINCIPAL_PREFIX + made.id(), Outcome.SUCCESS, l + " verifier:" + verifier
                + " " + Scopes.VERIFY);
        return made;
    }

    @Override
    public List<ApiKey> apiKeys(Caller caller) {
        long verifier = ownAccount(caller);
        return jpa.call(em -> em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.verifierId = :v ORDER BY k.id DESC",
                ApiKeyEntity.class).setParameter("v", verifier).getResultList().stream().map(ApiKeyEntity::toDto)
                .toList());
    }

    @Override
    public void revokeApiKey(Caller caller, long id) {
        long verifier = ownAccount(caller);
        jpa.run(em -> {
            ApiKeyEntity k = em.find(ApiKeyEntity.class, id);
            if (k == null || !Long.valueOf(verifier).equals(k.getVerifierId())) {
                throw TitleCertException.notFound("API_KEY_NOT_FOUND", "密钥不存在");
            }
            if (k.getRevokedAt() == null) {
                k.setRevokedAt(LocalDateTime.now(clock));
            }
        });
        audit.record(caller, "API_KEY_REVOKE", JpaApiKeyService.PRINCIPAL_PREFIX + id, Outcome.SUCCESS, null);
    }

    /** The verifier of a verifier's signed-in account; a key manages no keys. */
    private long ownAccount(Caller caller) {
        if (caller == null || !caller.isVerifier() || caller.principal().startsWith(JpaApiKeyService.PRINCIPAL_PREFIX)) {
            throw TitleCertException.forbidden("VERIFIERS_ONLY", "请使用查验单位账号登录后管理 API 密钥");
        }
        return of(caller).orElseThrow(() -> TitleCertException.forbidden("VERIFIERS_ONLY", "仅限查验单位使用")).id();
    }

    @Override
    public Optional<Verifier> approved(String creditCode) {
        String code = CreditCode.normalise(creditCode);
        if (!CreditCode.isValid(code)) {
            return Optional.empty();
        }
        return jpa.call(em -> em.createQuery("SELECT v FROM VerifierEntity v WHERE v.creditCode = :c AND v.status = :s",
                        VerifierEntity.class).setParameter("c", code).setParameter("s", VerifierStatus.APPROVED)
                .getResultList().stream().findFirst().map(e -> e.toDto(login(em, e))));
    }

    @Override
    public Verifier get(Caller caller, long id) {
        requireSystem(caller);
        return jpa.call(em -> {
            VerifierEntity e = find(em, id);
            return e.toDto(login(em, e));
        });
    }

    private static String login(EntityManager em, VerifierEntity e) {
        AccountEntity a = em.find(AccountEntity.class, e.getAccountId());
        return a == null ? null : a.getLogin();
    }

    private static VerifierEntity find(EntityManager em, long id) {
        VerifierEntity e = em.find(VerifierEntity.class, id);
        if (e == null) {
            throw TitleCertException.notFound("VERIFIER_NOT_FOUND", "查验单位不存在");
        }
        return e;
    }

    private static TitleCertException loginTaken() {
        return new TitleCertException(TitleCertException.Kind.CONFLICT, "LOGIN_TAKEN", "该账号已被使用，请换一个",
                List.of(Violation.field("login", "该账号已被使用，请换一个")));
    }

    private static void requireSystem(Caller caller) {
        if (!caller.isSystem() || !caller.hasScope(Scopes.ADMIN)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以审核查验单位");
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
