package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Role;
import org.titlecert.identity.Session;
import org.titlecert.jpa.Transactions;

/**
 * Server-side sessions: a random token whose hash is the key, a CSRF token, an idle timeout and a lifetime.
 * Ending a session deletes it, so an old cookie is dead on every node.
 */
@Component(service = Sessions.class, configurationPid = IdentityConfig.PID)
public class Sessions {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Transactions jpa;
    private final Clock clock = Clock.systemUTC();
    private volatile IdentityConfig config;

    @Activate
    public Sessions(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                    IdentityConfig config) {
        this.jpa = new Transactions(emf);
        this.config = config;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    /** A new session for the account, in the caller's transaction. */
    Session open(EntityManager em, AccountEntity a, String address) {
        String token = Secrets.token(32);
        String csrf = Secrets.token(24);
        LocalDateTime now = LocalDateTime.now(clock);
        em.persist(new SessionEntity(Secrets.sha256(token), a.getId(), csrf, now,
                address == null || address.length() <= 64 ? address : address.substring(0, 64)));
        a.setLastLoginAt(now);
        return session(em, token, a, csrf, now, address);
    }

    /** Ends every session of the account but the one with this token, in the caller's transaction. */
    void closeOthers(EntityManager em, long accountId, String token) {
        em.createQuery("DELETE FROM SessionEntity s WHERE s.accountId = :a AND s.tokenHash <> :t")
                .setParameter("a", accountId).setParameter("t", Secrets.sha256(token)).executeUpdate();
    }

    /** Ends every session of the account, in the caller's transaction. */
    void closeAll(EntityManager em, long accountId) {
        em.createQuery("DELETE FROM SessionEntity s WHERE s.accountId = :a").setParameter("a", accountId)
                .executeUpdate();
    }

    Optional<Session> find(String token, String address) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock);
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

    void close(String token) {
        if (token == null || token.length() > 100) {
            return;
        }
        jpa.run(em -> {
            SessionEntity e = em.find(SessionEntity.class, Secrets.sha256(token));
            if (e != null) {
                em.remove(e);
            }
        });
    }

    private Session session(EntityManager em, String token, AccountEntity a, String csrf, LocalDateTime lastSeen,
                            String address) {
        return new Session(token, Accounts.caller(a, address), csrf,
                a.getRole() != Role.INDIVIDUAL || a.isRegistered(), displayName(em, a),
                lastSeen.plusSeconds(config.sessionIdleSeconds()).toInstant(ZoneOffset.UTC), a.mustChangePassword(),
                a.mustConsent());
    }

    private static String displayName(EntityManager em, AccountEntity a) {
        if (a.getDisplayName() != null) {
            return a.getDisplayName();
        }
        if (a.getRole() == Role.INDIVIDUAL) {
            ProfileEntity p = em.find(ProfileEntity.class, a.getId());
            String name = p == null ? null : p.getRealName();
            // before the form is complete there is no name yet, and a masked ID number is no greeting
            return name != null ? name : "";
        }
        return a.getLogin();
    }
}
