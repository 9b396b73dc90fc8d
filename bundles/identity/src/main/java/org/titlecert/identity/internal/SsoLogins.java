package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.RateLimiter;
import org.titlecert.api.SharedCounts;
import org.titlecert.api.ResidentId;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.identity.Profile;
import org.titlecert.identity.Session;
import org.titlecert.identity.SsoStart;
import org.titlecert.jpa.Transactions;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Government SSO logins (OpenID Connect, code flow with PKCE, state, nonce and a browser binding) and the
 * linking of the identity they prove to an account. The SSO proves who holds an ID number: a local account
 * that only claimed that number is taken over.
 */
@Component(service = SsoLogins.class, configurationPid = IdentityConfig.PID)
public class SsoLogins {

    private static final Duration FLOW_TTL = Duration.ofMinutes(10);

    private final Transactions jpa;
    private final AuditLog audit;
    private final PersonDirectory persons;
    private final Sso sso;
    private final Sessions sessions;
    private final Clock clock = Clock.systemUTC();
    private final SharedCounts counts;
    private volatile RateLimiter starts;

    @Activate
    public SsoLogins(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                     @Reference AuditLog audit, @Reference PersonDirectory persons, @Reference Sso sso,
                     @Reference Sessions sessions, @Reference SharedCounts counts, IdentityConfig config) {
        this.jpa = new Transactions(emf);
        this.counts = counts;
        this.audit = audit;
        this.persons = persons;
        this.sso = sso;
        this.sessions = sessions;
        modified(config);
    }

    @Modified
    void modified(IdentityConfig c) {
        this.starts = new RateLimiter("sso", c.ssoStartsPerMinute(), 0, () -> counts);
    }

    boolean enabled() {
        return sso.client() != null;
    }

    SsoStart begin(String address) {
        OidcClient client = client();
        int wait = starts.acquire(address, System.nanoTime());
        if (wait > 0) {
            throw TitleCertException.tooMany("SSO_RATE_LIMITED", "登录请求过于频繁，请 " + wait + " 秒后再试", wait);
        }
        String state = Secrets.token(32);
        String nonce = Secrets.token(32);
        String verifier = Secrets.token(48);
        String binding = Secrets.token(32);
        String url = client.authorizationUrl(state, nonce, verifier);
        LocalDateTime now = now();
        jpa.run(em -> {
            em.createQuery("DELETE FROM SsoFlowEntity f WHERE f.createdAt < :old")
                    .setParameter("old", now.minus(FLOW_TTL)).executeUpdate();
            em.persist(new SsoFlowEntity(Secrets.sha256(state), Secrets.sha256(binding), nonce, verifier, now));
        });
        return new SsoStart(url, binding);
    }

    Session complete(String state, String code, String binding, String address) {
        OidcClient client = client();
        SsoFlowEntity flow = state == null || state.length() > 100 ? null : jpa.call(em -> {
            SsoFlowEntity f = em.find(SsoFlowEntity.class, Secrets.sha256(state));
            if (f != null) {
                em.remove(f);
            }
            return f;
        });
        if (flow == null || binding == null || !Secrets.equal(flow.getBindingHash(), Secrets.sha256(binding))
                || flow.getCreatedAt().plus(FLOW_TTL).isBefore(now()) || code == null || code.isBlank()) {
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
        String idNumber = claim(claims, c.idNumberClaim());
        if (idNumber == null || !ResidentId.isValid(idNumber)) {
            audit.recordAnonymous(claims.getSubject(), address, "SSO_LOGIN", null, Outcome.FAILURE,
                    "身份凭证中没有有效的身份证号码");
            throw new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "SSO_NO_ID_NUMBER",
                    "统一身份认证未提供有效的身份证号码", null);
        }
        String id = ResidentId.parse(idNumber).value();
        String subject = claims.getIssuer() + "#" + claims.getSubject();
        String name = claim(claims, c.nameClaim());
        String mobile = claim(claims, c.mobileClaim());
        long person = persons.personId(id);
        Session s = jpa.call(em -> sessions.open(em, account(em, subject, id, name, mobile, person), address));
        audit.record(s.caller(), "SSO_LOGIN", null, Outcome.SUCCESS, null);
        return s;
    }

    /** The account of an SSO identity: found by subject, else the local account of that ID number, else new. */
    private AccountEntity account(EntityManager em, String subject, String id, String name, String mobile,
                                  long person) {
        AccountEntity a = em.createQuery("SELECT a FROM AccountEntity a WHERE a.ssoSubject = :s", AccountEntity.class)
                .setParameter("s", subject).getResultList().stream().findFirst()
                .orElseGet(() -> Accounts.byLogin(em, id).orElse(null));
        if (a != null && !id.equals(a.getLogin())) {
            throw new TitleCertException(TitleCertException.Kind.CONFLICT, "SSO_ID_MISMATCH",
                    "统一身份认证的身份证号码与本平台账号不一致，请联系管理员", null);
        }
        if (a == null) {
            a = new AccountEntity(id, Role.INDIVIDUAL, now());
            em.persist(a);
        } else if (a.getSsoSubject() == null && (!a.isIdVerified() || a.getUnitId() != null)) {
            takeOver(em, a);
        }
        AccountEntity linked = a;
        boolean mobileFree = Accounts.validMobile(mobile) && Accounts.byMobile(em, mobile)
                .filter(o -> o.getId() != linked.getId()).isEmpty();
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
        Set<String> readOnly = new HashSet<>(Set.of("idNumber"));
        if (name != null && !name.isBlank()) {
            readOnly.add("realName");
        }
        if (mobileFree) {
            readOnly.add("mobile");
        }
        p.setReadOnly(readOnly);
        return a;
    }

    /**
     * A local account that nobody but a unit (or nobody at all) vouched for only claimed this ID number: the
     * SSO user takes it over. The claimant's password, mobile, sessions and registration form go; the person
     * completes the form again.
     */
    private void takeOver(EntityManager em, AccountEntity a) {
        sessions.closeAll(em, a.getId());
        ProfileEntity old = em.find(ProfileEntity.class, a.getId());
        if (old != null) {
            em.remove(old);
        }
        a.setPasswordHash(null);
        a.setMobile(null);
        a.setDisplayName(null);
        a.setUnitId(null);
        a.setRegistered(false);
        em.flush();
        audit.record(Accounts.caller(a, null), "SSO_TAKEOVER", "account:" + a.getId(), Outcome.SUCCESS,
                "统一身份认证接管了本地注册的账号");
    }

    private OidcClient client() {
        OidcClient client = sso.client();
        if (client == null) {
            throw new TitleCertException(TitleCertException.Kind.UNAVAILABLE, "SSO_DISABLED",
                    "本平台未启用统一身份认证", null);
        }
        return client;
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v == null ? null : v.toString();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
