package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.ResidentId;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.identity.Captcha;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Profile;
import org.titlecert.identity.Session;
import org.titlecert.identity.SsoStart;
import org.titlecert.jpa.Transactions;
import org.titlecert.jpa.Schema;


/**
 * The identity service: local password logins (throttled per account and per address, across nodes),
 * local sign-up and API keys, with captchas, sessions and the government SSO in components of their own.
 */
@Component(service = IdentityService.class, configurationPid = IdentityConfig.PID)
@Designate(ocd = IdentityConfig.class)
public class JpaIdentityService implements IdentityService {

    static final String PERSISTENCE_UNIT = "(&(osgi.unit.name=titlecert-identity)" + Schema.CURRENT + ")";
    private static final Logger LOG = LoggerFactory.getLogger(JpaIdentityService.class);
    private static final String BAD_LOGIN = "账号或密码错误";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Transactions jpa;
    private final AuditLog audit;
    private final PersonDirectory persons;
    private final Captchas captchas;
    private final Sessions sessions;
    private final SsoLogins sso;
    private final Clock clock = Clock.systemUTC();
    private volatile PasswordHasher hasher;
    private volatile LoginThrottle throttle;
    /** Verified against when an account does not exist, so that both cases take the same time. */
    private volatile String dummyHash;

    @Activate
    public JpaIdentityService(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                              @Reference AuditLog audit, @Reference PersonDirectory persons,
                              @Reference Captchas captchas, @Reference Sessions sessions, @Reference SsoLogins sso,
                              IdentityConfig config) {
        this.jpa = new Transactions(emf);
        this.audit = audit;
        this.persons = persons;
        this.captchas = captchas;
        this.sessions = sessions;
        this.sso = sso;
        modified(config);
    }

    @Modified
    void modified(IdentityConfig c) {
        if (c.argon2MemoryKib() < 19456 || c.argon2Iterations() < 2) {
            throw new IllegalArgumentException("Argon2id needs at least m=19456 KiB and t=2");
        }
        if (c.testHooks()) {
            LOG.warn("TEST HOOKS ARE ENABLED: captcha answers are exposed. Never run production like this.");
        }
        this.hasher = new PasswordHasher(c.argon2MemoryKib(), c.argon2Iterations(), c.argon2Parallelism());
        this.throttle = new LoginThrottle(c.throttleThreshold(), Duration.ofSeconds(c.throttleMaxDelaySeconds()),
                Duration.ofMinutes(c.throttleWindowMinutes()), clock, new JpaFailureStore(jpa));
        this.dummyHash = hasher.hash(Secrets.token(16));
    }

    Sessions sessions() {
        return sessions;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    // --- captcha ---------------------------------------------------------------------------

    @Override
    public Captcha newCaptcha(String address, boolean arithmetic) {
        return captchas.issue(address, arithmetic);
    }

    @Override
    public boolean solveCaptcha(String captchaId, String answer) {
        return captchas.solve(captchaId, answer);
    }

    @Override
    public boolean captchaRequired(String login, String address) {
        String l = login == null ? "" : login.strip();
        return throttle.suspicious(accountKey(individual(l), l), addressKey(address));
    }

    // --- logins ----------------------------------------------------------------------------

    @Override
    public Session loginAdmin(String account, String password, String captchaId, String captchaAnswer,
                              String address) {
        return accountLogin(account, password, captchaId, captchaAnswer, address, "ADMIN_LOGIN", Accounts::isAdmin);
    }

    @Override
    public Session loginVerifier(String account, String password, String captchaId, String captchaAnswer,
                                 String address) {
        return accountLogin(account, password, captchaId, captchaAnswer, address, "VERIFIER_LOGIN",
                a -> a.getRole() == Role.VERIFIER);
    }

    /** A login by account name, password and captcha: an admin's or a verifier's, as {@code kind} accepts. */
    private Session accountLogin(String account, String password, String captchaId, String captchaAnswer,
                                 String address, String action, java.util.function.Predicate<AccountEntity> kind) {
        String login = account == null ? "" : account.strip();
        Optional<AccountEntity> found = login.isEmpty() || login.length() > 64 ? Optional.empty()
                : jpa.call(em -> Accounts.byLogin(em, login)).filter(kind);
        String key = accountKey(found, login);
        checkThrottle(login, key, address, action);
        if (!captchas.solve(captchaId, captchaAnswer)) {
            throttle.failed(addressKey(address));
            audit.recordAnonymous(login, address, action, null, Outcome.FAILURE, "验证码错误");
            throw captchaWrong();
        }
        return finishPasswordLogin(found, key, login, password, address, action);
    }

    /** A captcha every anonymous form needs; a wrong one counts against the address. */
    void requireCaptcha(String captchaId, String captchaAnswer, String address) {
        if (!captchas.solve(captchaId, captchaAnswer)) {
            throttle.failed(addressKey(address));
            throw captchaWrong();
        }
    }

    @Override
    public Session loginIndividual(String login, String password, String captchaId, String captchaAnswer,
                                   String address) {
        String l = login == null ? "" : login.strip();
        Optional<AccountEntity> found = individual(l);
        String key = accountKey(found, l);
        checkThrottle(l, key, address, "LOGIN");
        if (throttle.suspicious(key, addressKey(address)) && !captchas.solve(captchaId, captchaAnswer)) {
            throttle.failed(key, addressKey(address));
            audit.recordAnonymous(l, address, "LOGIN", null, Outcome.FAILURE, "验证码错误");
            throw new TitleCertException(TitleCertException.Kind.INVALID, "CAPTCHA_REQUIRED",
                    "请输入正确的验证码", List.of(Violation.field("captcha", "请输入正确的验证码")));
        }
        return finishPasswordLogin(found, key, l, password, address, "LOGIN");
    }

    /** The individual account a login names: by ID number or by mobile. */
    private Optional<AccountEntity> individual(String login) {
        return login.isEmpty() || login.length() > 64 ? Optional.empty()
                : jpa.call(em -> Accounts.individualByLogin(em, login));
    }

    private Session finishPasswordLogin(Optional<AccountEntity> found, String key, String login, String password,
                                        String address, String action) {
        String hash = found.map(AccountEntity::getPasswordHash).orElse(null);
        boolean passwordRight = hasher.verify(password == null ? "" : password, hash == null ? dummyHash : hash)
                && hash != null;
        if (passwordRight && !found.get().isEnabled() && found.get().getRole() == Role.VERIFIER) {
            throttle.succeeded(key);
            throw verifierNotApproved(found.get(), login, address, action);
        }
        if (!passwordRight || !found.get().isEnabled()) {
            throttle.failed(key, addressKey(address));
            audit.recordAnonymous(login, address, action, null, Outcome.FAILURE, BAD_LOGIN);
            throw new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "LOGIN_FAILED", BAD_LOGIN, null);
        }
        throttle.succeeded(key);
        long id = found.get().getId();
        String rehash = hasher.needsRehash(hash) ? hasher.hash(password) : null;
        Session s = jpa.call(em -> {
            AccountEntity a = em.find(AccountEntity.class, id);
            if (rehash != null) {
                a.setPasswordHash(rehash);
            }
            return sessions.open(em, a, address);
        });
        audit.record(s.caller(), action, null, Outcome.SUCCESS, null);
        return s;
    }

    @Override
    public void changePassword(String sessionToken, String currentPassword, String newPassword, String address) {
        Session session = sessions.find(sessionToken, address)
                .orElseThrow(() -> new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED",
                        "请先登录", null));
        AccountEntity account = jpa.call(em -> Accounts.of(em, session.caller()));
        if (account.getPasswordHash() == null) {
            throw TitleCertException.conflict("NO_LOCAL_PASSWORD", "该账号通过统一身份认证登录，没有本平台的密码");
        }
        checkPassword(session.caller(), account, currentPassword, "PASSWORD_CHANGE", "currentPassword", "原密码不正确",
                address);
        Optional<String> problem = newPassword != null && newPassword.equals(currentPassword)
                ? Optional.of("新密码不能与原密码相同")
                : Accounts.passwordProblem(newPassword, account.getLogin(), account.getMobile());
        if (problem.isPresent()) {
            throw TitleCertException.invalid("PASSWORD_INVALID", problem.get(),
                    List.of(Violation.field("newPassword", problem.get())));
        }
        String hash = hasher.hash(newPassword);
        jpa.run(em -> {
            AccountEntity a = em.find(AccountEntity.class, account.getId());
            a.setPasswordHash(hash);
            a.setOneTimePasswordAt(null);
            sessions.closeOthers(em, account.getId(), sessionToken);
        });
        audit.record(session.caller(), "PASSWORD_CHANGE", null, Outcome.SUCCESS, "其他登录已退出");
    }

    /**
     * The account's own password, as someone holding its session types it again: throttled with the account's
     * logins (whoever holds the session may not guess on), a wrong one audited; the count resets on success.
     */
    void checkPassword(Caller caller, AccountEntity account, String password, String action, String field,
                       String wrong, String address) {
        String key = "account:" + account.getId();
        checkThrottle(account.getLogin(), key, address, action);
        if (!hasher.verify(password == null ? "" : password, account.getPasswordHash())) {
            throttle.failed(key);
            audit.record(caller, action, null, Outcome.FAILURE, wrong);
            throw TitleCertException.invalid("PASSWORD_WRONG", wrong, List.of(Violation.field(field, wrong)));
        }
        throttle.succeeded(key);
    }

    private void checkThrottle(String login, String key, String address, String action) {
        Duration wait = throttle.waitFor(key, addressKey(address));
        if (!wait.isZero() && !wait.isNegative()) {
            audit.recordAnonymous(login, address, action, null, Outcome.DENIED, "登录尝试过于频繁");
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw TitleCertException.tooMany("LOGIN_THROTTLED", "登录失败次数过多，请 " + seconds + " 秒后再试",
                    (int) Math.min(Integer.MAX_VALUE, seconds));
        }
    }

    /**
     * Creates a local individual account. The answer is the same whether or not the ID number or the mobile is
     * already registered, so that nobody learns who has an account: a taken ID number creates nothing (its owner
     * logs in with their password or through the SSO), a taken mobile is kept on the form but not as a login.
     */
    @Override
    public void registerIndividual(String idNumber, String mobile, String password, boolean privacyConsent,
                                   String captchaId, String captchaAnswer, String address) {
        List<Violation> v = new ArrayList<>();
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase();
        ResidentId.problem(id).ifPresent(p -> v.add(Violation.field("idNumber", p)));
        String m = mobile == null ? "" : mobile.strip();
        if (!Accounts.validMobile(m)) {
            v.add(Violation.field("mobile", "请输入 11 位手机号码"));
        }
        Accounts.passwordProblem(password, id, m).ifPresent(p -> v.add(Violation.field("password", p)));
        if (!privacyConsent) {
            // nothing is kept, not even a failed attempt, without the person's consent
            v.add(Violation.field("privacyConsent", "请阅读并同意《个人信息保护告知书》"));
            if (v.size() == 1) {
                throw TitleCertException.invalid("CONSENT_REQUIRED", v.get(0).reason(), v);
            }
        }
        if (!v.isEmpty()) {
            throw TitleCertException.invalid("REGISTRATION_INVALID", v.get(0).reason(), v);
        }
        String key = "register:" + id;
        checkThrottle(id, key, address, "REGISTER");
        if (!captchas.solve(captchaId, captchaAnswer)) {
            throttle.failed(addressKey(address));
            throw captchaWrong();
        }
        String hash = hasher.hash(password);
        boolean taken = jpa.call(em -> Accounts.byLogin(em, id).isPresent());
        if (taken) {
            throttle.failed(key, addressKey(address));
            audit.recordAnonymous(id, address, "REGISTER", null, Outcome.DENIED, "身份证号码已注册");
            return;
        }
        long person = persons.personId(id);
        try {
            long account = jpa.call(em -> {
                AccountEntity a = new AccountEntity(id, Role.INDIVIDUAL, now());
                a.consent(now());
                if (Accounts.byMobile(em, m).isEmpty()) {
                    a.setMobile(m);
                }
                a.setPasswordHash(hash);
                a.setPersonId(person);
                em.persist(a);
                em.flush();
                ProfileEntity p = new ProfileEntity(a.getId());
                ResidentId rid = ResidentId.parse(id);
                p.apply(new Profile(null, id, m, rid.gender().label(), rid.birthDate(), null, null, null, null, null,
                        null, null, null, null, null, null, Set.of(), false));
                p.setReadOnly(Set.of("idNumber"));
                em.persist(p);
                return a.getId();
            });
            audit.recordAnonymous(id, address, "REGISTER", "account:" + account, Outcome.SUCCESS, "本地账号");
        } catch (PersistenceException raced) {
            audit.recordAnonymous(id, address, "REGISTER", null, Outcome.DENIED, "身份证号码已注册");
        }
    }

    // --- government SSO ----------------------------------------------------------------------

    @Override
    public boolean ssoEnabled() {
        return sso.enabled();
    }

    @Override
    public SsoStart beginSso(String address) {
        return sso.begin(address);
    }

    @Override
    public Session completeSso(String state, String code, String binding, String address) {
        return sso.complete(state, code, binding, address);
    }

    // --- sessions ------------------------------------------------------------------------------

    @Override
    public Optional<Session> session(String token, String address) {
        return sessions.find(token, address);
    }

    @Override
    public void logout(String token, String address) {
        Optional<Session> s = sessions.find(token, address);
        sessions.close(token);
        s.ifPresent(x -> audit.record(x.caller(), "LOGOUT", null, Outcome.SUCCESS, null));
    }

    // --- API keys ------------------------------------------------------------------------------

    @Override
    public Optional<Caller> authenticateApiKey(String key, String address) {
        if (key == null || !key.startsWith(JpaApiKeyService.KEY_PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        return jpa.call(em -> em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.keyHash = :h", ApiKeyEntity.class)
                .setParameter("h", Secrets.sha256(key)).getResultList().stream().findFirst()
                .filter(k -> k.getRevokedAt() == null)
                // a verifier's key works while the verifier is approved
                .filter(k -> k.getVerifierId() == null || Optional.ofNullable(em.find(VerifierEntity.class,
                        k.getVerifierId())).filter(v -> v.getStatus() == org.titlecert.identity.VerifierStatus.APPROVED)
                        .isPresent())
                .map(k -> {
                    if (k.getLastUsedAt() == null || k.getLastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
                        k.setLastUsedAt(now);
                    }
                    Role role = k.getVerifierId() != null ? Role.VERIFIER
                            : k.getUnitId() == null ? Role.SYSTEM_ADMIN : Role.UNIT_ADMIN;
                    return new Caller(JpaApiKeyService.principal(k), role, k.getUnitId(), null, k.scopeSet(), address);
                }));
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Why a verifier's account, its password right, cannot log in: its application is pending or refused. */
    private TitleCertException verifierNotApproved(AccountEntity a, String login, String address, String action) {
        VerifierEntity v = a.getVerifierId() == null ? null
                : jpa.call(em -> em.find(VerifierEntity.class, a.getVerifierId()));
        boolean pending = v != null && v.getStatus() == org.titlecert.identity.VerifierStatus.PENDING;
        String message = pending ? "您单位的查验单位注册申请正在审核中，审核通过后即可登录"
                : "您单位的查验单位注册申请未通过或已停用" + (v == null || v.getReason() == null ? "" : "：" + v.getReason());
        audit.recordAnonymous(login, address, action, null, Outcome.DENIED, message);
        return pending ? TitleCertException.forbidden("VERIFIER_PENDING", message)
                : TitleCertException.forbidden("VERIFIER_REJECTED", message);
    }

    private static TitleCertException captchaWrong() {
        return new TitleCertException(TitleCertException.Kind.INVALID, "CAPTCHA_INVALID", "验证码错误或已过期",
                List.of(Violation.field("captcha", "验证码错误或已过期")));
    }

    /**
     * The throttle key of a login: the account it names, whichever way it is spelt (ID number or mobile), so that
     * a guesser cannot double the attempts by changing spellings; a login naming no account counts as itself.
     */
    private static String accountKey(Optional<AccountEntity> account, String login) {
        return account.map(a -> "account:" + a.getId()).orElseGet(() -> "login:" + login.toUpperCase());
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
