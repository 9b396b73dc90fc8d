package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
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

import com.nimbusds.jwt.JWTClaimsSet;

/** Logins, sessions, captchas and API key authentication over the identity tables. */
@Component(service = IdentityService.class, configurationPid = IdentityConfig.PID)
@Designate(ocd = IdentityConfig.class)
public class JpaIdentityService implements IdentityService {

    static final String PERSISTENCE_UNIT = "(osgi.unit.name=titlecert-identity)";
    private static final Logger LOG = LoggerFactory.getLogger(JpaIdentityService.class);
    private static final String BAD_LOGIN = "账号或密码错误";
    private static final Duration SSO_FLOW_TTL = Duration.ofMinutes(10);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Transactions jpa;
    private final AuditLog audit;
    private final PersonDirectory persons;
    private final Sso sso;
    private final Clock clock = Clock.systemUTC();
    private final CaptchaImage captchaImage = new CaptchaImage();
    private final AtomicInteger captchasIssued = new AtomicInteger();
    private volatile IdentityConfig config;
    private volatile PasswordHasher hasher;
    private volatile LoginThrottle throttle;
    /** Verified against when an account does not exist, so that both cases take the same time. */
    private volatile String dummyHash;

    @Activate
    public JpaIdentityService(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                              @Reference AuditLog audit, @Reference PersonDirectory persons, @Reference Sso sso,
                              IdentityConfig config) {
        this.jpa = new Transactions(emf);
        this.audit = audit;
        this.persons = persons;
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
        this.config = c;
        this.hasher = new PasswordHasher(c.argon2MemoryKib(), c.argon2Iterations(), c.argon2Parallelism());
        this.throttle = new LoginThrottle(c.throttleThreshold(), Duration.ofSeconds(c.throttleMaxDelaySeconds()),
                Duration.ofMinutes(c.throttleWindowMinutes()), clock);
        this.dummyHash = hasher.hash(Secrets.token(16));
    }

    PasswordHasher hasher() {
        return hasher;
    }

    // --- captcha ---------------------------------------------------------------------------

    @Override
    public Captcha newCaptcha() {
        String answer = CaptchaImage.randomAnswer(4);
        String id = Secrets.token(24);
        LocalDateTime now = now();
        jpa.run(em -> {
            if (captchasIssued.incrementAndGet() % 100 == 1) {
                em.createQuery("DELETE FROM CaptchaEntity c WHERE c.expiresAt < :now").setParameter("now", now)
                        .executeUpdate();
            }
            em.persist(new CaptchaEntity(id, Secrets.sha256(answer), now.plusSeconds(config.captchaTtlSeconds())));
        });
        return new Captcha(id, captchaImage.render(answer), config.testHooks() ? answer : null);
    }

    /** Uses up the captcha whatever the answer; true only for the right answer in time. */
    private boolean solved(String id, String answer) {
        if (id == null || id.isBlank() || answer == null || answer.isBlank() || id.length() > 64) {
            return false;
        }
        CaptchaEntity c = jpa.call(em -> {
            CaptchaEntity found = em.find(CaptchaEntity.class, id);
            if (found != null) {
                em.remove(found);
            }
            return found;
        });
        return c != null && !c.getExpiresAt().isBefore(now())
                && Secrets.equal(c.getAnswerHash(), Secrets.sha256(answer.strip().toUpperCase()));
    }

    @Override
    public boolean captchaRequired(String login, String address) {
        return throttle.suspicious(accountKey(login), addressKey(address));
    }

    // --- logins ----------------------------------------------------------------------------

    @Override
    public Session loginAdmin(String account, String password, String captchaId, String captchaAnswer,
                              String address) {
        String login = account == null ? "" : account.strip();
        checkThrottle(login, address, "ADMIN_LOGIN");
        if (!solved(captchaId, captchaAnswer)) {
            throttle.failed(addressKey(address));
            audit.recordAnonymous(login, address, "ADMIN_LOGIN", null, Outcome.FAILURE, "验证码错误");
            throw captchaWrong();
        }
        Optional<AccountEntity> found = login.isEmpty() ? Optional.empty()
                : jpa.call(em -> Accounts.byLogin(em, login)).filter(a -> a.getRole() != Role.INDIVIDUAL);
        return finishPasswordLogin(found, login, password, address, "ADMIN_LOGIN");
    }

    @Override
    public Session loginIndividual(String login, String password, String captchaId, String captchaAnswer,
                                   String address) {
        String l = login == null ? "" : login.strip();
        checkThrottle(l, address, "LOGIN");
        if (captchaRequired(l, address) && !solved(captchaId, captchaAnswer)) {
            throttle.failed(accountKey(l), addressKey(address));
            audit.recordAnonymous(l, address, "LOGIN", null, Outcome.FAILURE, "验证码错误");
            throw new TitleCertException(TitleCertException.Kind.INVALID, "CAPTCHA_REQUIRED",
                    "请输入正确的验证码", java.util.List.of(Violation.field("captcha", "请输入正确的验证码")));
        }
        Optional<AccountEntity> found = l.isEmpty() ? Optional.empty()
                : jpa.call(em -> Accounts.individualByLogin(em, l));
        return finishPasswordLogin(found, l, password, address, "LOGIN");
    }

    private Session finishPasswordLogin(Optional<AccountEntity> found, String login, String password, String address,
                                        String action) {
        String hash = found.map(AccountEntity::getPasswordHash).orElse(null);
        boolean ok = hasher.verify(password == null ? "" : password, hash == null ? dummyHash : hash)
                && hash != null && found.get().isEnabled();
        if (!ok) {
            throttle.failed(accountKey(login), addressKey(address));
            audit.recordAnonymous(login, address, action, null, Outcome.FAILURE, BAD_LOGIN);
            throw new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "LOGIN_FAILED", BAD_LOGIN, null);
        }
        throttle.succeeded(accountKey(login));
        long id = found.get().getId();
        String rehash = hasher.needsRehash(hash) ? hasher.hash(password) : null;
        Session s = jpa.call(em -> {
            AccountEntity a = em.find(AccountEntity.class, id);
            if (rehash != null) {
                a.setPasswordHash(rehash);
            }
            return newSession(em, a, address);
        });
        audit.record(s.caller(), action, null, Outcome.SUCCESS, null);
        return s;
    }

    private void checkThrottle(String login, String address, String action) {
        Duration wait = throttle.waitFor(accountKey(login), addressKey(address));
        if (!wait.isZero() && !wait.isNegative()) {
            audit.recordAnonymous(login, address, action, null, Outcome.DENIED, "登录尝试过于频繁");
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TitleCertException(TitleCertException.Kind.TOO_MANY_REQUESTS, "LOGIN_THROTTLED",
                    "登录失败次数过多，请 " + seconds + " 秒后再试", null);
        }
    }

    @Override
    public Session registerIndividual(String idNumber, String mobile, String password, String captchaId,
                                      String captchaAnswer, String address) {
        java.util.List<Violation> v = new java.util.ArrayList<>();
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase();
        ResidentId.problem(id).ifPresent(p -> v.add(Violation.field("idNumber", p)));
        String m = mobile == null ? "" : mobile.strip();
        if (!Accounts.validMobile(m)) {
            v.add(Violation.field("mobile", "请输入 11 位手机号码"));
        }
        Accounts.passwordProblem(password, id, m).ifPresent(p -> v.add(Violation.field("password", p)));
        if (!v.isEmpty()) {
            throw TitleCertException.invalid("REGISTRATION_INVALID", v.get(0).reason(), v);
        }
        checkThrottle(id, address, "REGISTER");
        if (!solved(captchaId, captchaAnswer)) {
            throttle.failed(addressKey(address));
            throw captchaWrong();
        }
        long person = persons.personId(id);
        String hash = hasher.hash(password);
        Session s;
        try {
            s = jpa.call(em -> {
                if (Accounts.byLogin(em, id).isPresent()) {
                    throw TitleCertException.conflict("ACCOUNT_EXISTS", "该身份证号码已注册，请直接登录");
                }
                if (Accounts.byMobile(em, m).isPresent()) {
                    throw TitleCertException.conflict("MOBILE_TAKEN", "该手机号码已被其他账号使用");
                }
                AccountEntity a = new AccountEntity(id, Role.INDIVIDUAL, now());
                a.setMobile(m);
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
                return newSession(em, a, address);
            });
        } catch (PersistenceException e) {
            throw TitleCertException.conflict("ACCOUNT_EXISTS", "该身份证号码已注册，请直接登录");
        }
        audit.record(s.caller(), "REGISTER", null, Outcome.SUCCESS, "本地账号");
        return s;
    }

    // --- government SSO ----------------------------------------------------------------------

    @Override
    public boolean ssoEnabled() {
        return sso.client() != null;
    }

    @Override
    public SsoStart beginSso() {
        OidcClient client = requireSso();
        String state = Secrets.token(32);
        String nonce = Secrets.token(32);
        String verifier = Secrets.token(48);
        String binding = Secrets.token(32);
        String url = client.authorizationUrl(state, nonce, verifier);
        LocalDateTime now = now();
        jpa.run(em -> {
            em.createQuery("DELETE FROM SsoFlowEntity f WHERE f.createdAt < :old")
                    .setParameter("old", now.minus(SSO_FLOW_TTL)).executeUpdate();
            em.persist(new SsoFlowEntity(Secrets.sha256(state), Secrets.sha256(binding), nonce, verifier, now));
        });
        return new SsoStart(url, binding);
    }

    @Override
    public Session completeSso(String state, String code, String binding, String address) {
        OidcClient client = requireSso();
        SsoFlowEntity flow = state == null ? null : jpa.call(em -> {
            SsoFlowEntity f = em.find(SsoFlowEntity.class, Secrets.sha256(state));
            if (f != null) {
                em.remove(f);
            }
            return f;
        });
        if (flow == null || binding == null || !Secrets.equal(flow.getBindingHash(), Secrets.sha256(binding))
                || flow.getCreatedAt().plus(SSO_FLOW_TTL).isBefore(now()) || code == null || code.isBlank()) {
            audit.recordAnonymous(null, address, "SSO_LOGIN", null, Outcome.FAILURE, "state 无效或已过期");
            throw new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "SSO_STATE_INVALID",
                    "登录请求已过期或无效，请重新登录", null);
        }
        JWTClaimsSet claims;
        try {
            claims = client.exchange(code, flow.getCodeVerifier(), flow.getNonce());
        } catch (TitleCertException e) {
            audit.recordAnonymous(null, address, "SSO_LOGIN", null, Outcome.FAILURE, e.code());
            throw e;
        }
        OidcConfig c = sso.config();
        String idNumber = stringClaim(claims, c.idNumberClaim());
        if (idNumber == null || !ResidentId.isValid(idNumber)) {
            audit.recordAnonymous(claims.getSubject(), address, "SSO_LOGIN", null, Outcome.FAILURE,
                    "身份凭证中没有有效的身份证号码");
            throw new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "SSO_NO_ID_NUMBER",
                    "统一身份认证未提供有效的身份证号码", null);
        }
        String id = ResidentId.parse(idNumber).value();
        String subject = claims.getIssuer() + "#" + claims.getSubject();
        String name = stringClaim(claims, c.nameClaim());
        String mobile = stringClaim(claims, c.mobileClaim());
        long person = persons.personId(id);
        Session s = jpa.call(em -> newSession(em, ssoAccount(em, subject, id, name, mobile, person), address));
        audit.record(s.caller(), "SSO_LOGIN", null, Outcome.SUCCESS, null);
        return s;
    }

    /** The account of an SSO identity: found by subject, else the local account of that ID number, else new. */
    private AccountEntity ssoAccount(EntityManager em, String subject, String id, String name, String mobile,
                                     long person) {
        AccountEntity a = em.createQuery("SELECT a FROM AccountEntity a WHERE a.ssoSubject = :s", AccountEntity.class)
                .setParameter("s", subject).getResultList().stream().findFirst()
                .orElseGet(() -> Accounts.byLogin(em, id).orElse(null));
        AccountEntity existing = a;
        boolean mobileFree = Accounts.validMobile(mobile) && Accounts.byMobile(em, mobile)
                .filter(o -> existing == null || o.getId() != existing.getId()).isEmpty();
        if (a != null && !id.equals(a.getLogin())) {
            throw new TitleCertException(TitleCertException.Kind.CONFLICT, "SSO_ID_MISMATCH",
                    "统一身份认证的身份证号码与本平台账号不一致，请联系管理员", null);
        }
        boolean created = a == null;
        if (created) {
            a = new AccountEntity(id, Role.INDIVIDUAL, now());
            em.persist(a);
        }
        a.setSsoSubject(subject);
        a.setIdVerified(true);
        a.setPersonId(person);
        if (name != null && !name.isBlank()) {
            a.setDisplayName(name.strip());
        }
        if (mobileFree && a.getMobile() == null) {
            a.setMobile(mobile);
        }
        em.flush();
        ProfileEntity p = em.find(ProfileEntity.class, a.getId());
        if (p == null) {
            p = new ProfileEntity(a.getId());
            ResidentId rid = ResidentId.parse(id);
            p.apply(new Profile(name, id, mobileFree ? mobile : null, rid.gender().label(), rid.birthDate(), null,
                    null, null, null, null, null, null, null, null, null, null, Set.of(), false));
            em.persist(p);
        }
        java.util.Set<String> ro = new java.util.HashSet<>(Set.of("idNumber"));
        if (name != null && !name.isBlank()) {
            ro.add("realName");
        }
        if (mobileFree) {
            ro.add("mobile");
        }
        p.setReadOnly(ro);
        return a;
    }

    private OidcClient requireSso() {
        OidcClient client = sso.client();
        if (client == null) {
            throw new TitleCertException(TitleCertException.Kind.UNAVAILABLE, "SSO_DISABLED",
                    "本平台未启用统一身份认证", null);
        }
        return client;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v == null ? null : v.toString();
    }

    // --- sessions ------------------------------------------------------------------------------

    private Session newSession(EntityManager em, AccountEntity a, String address) {
        String token = Secrets.token(32);
        String csrf = Secrets.token(24);
        LocalDateTime now = now();
        em.persist(new SessionEntity(Secrets.sha256(token), a.getId(), csrf, now, address == null || address.length() <= 64 ? address : address.substring(0, 64)));
        a.setLastLoginAt(now);
        return session(em, token, a, csrf, now, address);
    }

    private Session session(EntityManager em, String token, AccountEntity a, String csrf, LocalDateTime lastSeen,
                            String address) {
        return new Session(token, Accounts.caller(a, address), csrf,
                a.getRole() != Role.INDIVIDUAL || a.isRegistered(), displayName(em, a),
                lastSeen.plusSeconds(config.sessionIdleSeconds()).toInstant(ZoneOffset.UTC));
    }

    private static String displayName(EntityManager em, AccountEntity a) {
        if (a.getDisplayName() != null) {
            return a.getDisplayName();
        }
        if (a.getRole() == Role.INDIVIDUAL) {
            ProfileEntity p = em.find(ProfileEntity.class, a.getId());
            String name = p == null ? null : p.getRealName();
            return name != null ? name : ResidentId.mask(a.getLogin());
        }
        return a.getLogin();
    }

    @Override
    public Optional<Session> session(String token, String address) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        return jpa.call(em -> {
            SessionEntity s = em.find(SessionEntity.class, Secrets.sha256(token));
            if (s == null) {
                return Optional.empty();
            }
            AccountEntity a = em.find(AccountEntity.class, s.getAccountId());
            if (a == null || !a.isEnabled() || s.getLastSeenAt().plusSeconds(config.sessionIdleSeconds()).isBefore(now)
                    || s.getCreatedAt().plusHours(config.sessionMaxHours()).isBefore(now)) {
                em.remove(s);
                return Optional.empty();
            }
            if (s.getLastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                s.setLastSeenAt(now);
            }
            return Optional.of(session(em, token, a, s.getCsrf(), s.getLastSeenAt(), address));
        });
    }

    @Override
    public void logout(String token, String address) {
        Optional<Session> s = session(token, address);
        jpa.run(em -> {
            SessionEntity e = em.find(SessionEntity.class, Secrets.sha256(token));
            if (e != null) {
                em.remove(e);
            }
        });
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
                .map(k -> {
                    if (k.getLastUsedAt() == null || k.getLastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
                        k.setLastUsedAt(now);
                    }
                    return new Caller(JpaApiKeyService.principal(k), k.getUnitId() == null ? Role.SYSTEM_ADMIN
                            : Role.UNIT_ADMIN, k.getUnitId(), null, k.scopeSet(), address);
                }));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static TitleCertException captchaWrong() {
        return new TitleCertException(TitleCertException.Kind.INVALID, "CAPTCHA_INVALID", "验证码错误或已过期",
                java.util.List.of(Violation.field("captcha", "验证码错误或已过期")));
    }

    private static String accountKey(String login) {
        return "account:" + (login == null ? "" : login.strip().toUpperCase());
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
