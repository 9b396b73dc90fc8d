package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.OrganizationService;
import org.titlecert.identity.ApiKey;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.NewSecret;
import org.titlecert.jpa.Transactions;

/** API keys: 256 random bits behind a recognisable prefix, stored as SHA-256, revocable. */
@Component(service = ApiKeyService.class)
public class JpaApiKeyService implements ApiKeyService {

    static final String KEY_PREFIX = "tck_";
    /** How a key is named as a caller and in the audit log: apikey:12. */
    static final String PRINCIPAL_PREFIX = "apikey:";

    private final Transactions jpa;
    private final AuditLog audit;
    private final OrganizationService organizations;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public JpaApiKeyService(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                            @Reference AuditLog audit, @Reference OrganizationService organizations) {
        this.jpa = new Transactions(emf);
        this.audit = audit;
        this.organizations = organizations;
    }

    static String principal(ApiKeyEntity k) {
        return PRINCIPAL_PREFIX + k.getId();
    }

    @Override
    public NewSecret create(Caller caller, String label, Long unitId, Set<String> scopes) {
        requireSystem(caller);
        if (label == null || label.isBlank() || label.length() > 100) {
            throw TitleCertException.invalid("INVALID_LABEL", "请填写用途说明（不超过 100 字）");
        }
        if (scopes == null || scopes.isEmpty() || !Scopes.ALL.containsAll(scopes)) {
            throw TitleCertException.invalid("INVALID_SCOPES", "权限范围应取自：" + String.join(", ", Scopes.ALL));
        }
        if (unitId != null && organizations.unit(unitId).isEmpty()) {
            throw TitleCertException.invalid("INVALID_UNIT", "组建单位不存在");
        }
        if (unitId != null && (scopes.contains(Scopes.ADMIN) || scopes.contains(Scopes.AUDIT_READ)
                || scopes.contains(Scopes.METRICS_READ))) {
            throw TitleCertException.invalid("INVALID_SCOPES", "单位密钥不能有系统管理权限");
        }
        NewSecret made = store(label.strip(), unitId, null, scopes);
        long id = made.id();
        audit.record(caller, "API_KEY_CREATE", "apikey:" + id, Outcome.SUCCESS,
                label.strip() + (unitId == null ? " system" : " unit:" + unitId) + " " + String.join(",", scopes));
        return made;
    }

    /** A new key, stored as its SHA-256; the key itself is returned this once. */
    NewSecret store(String label, Long unitId, Long verifierId, Set<String> scopes) {
        String key = KEY_PREFIX + Secrets.token(32);
        ApiKeyEntity k = new ApiKeyEntity(Secrets.sha256(key), key.substring(0, 10), label, unitId, scopes,
                LocalDateTime.now(clock));
        k.setVerifierId(verifierId);
        long id = jpa.call(em -> {
            em.persist(k);
            em.flush();
            return k.getId();
        });
        return new NewSecret(id, label, key);
    }

    @Override
    public List<ApiKey> list(Caller caller) {
        requireSystem(caller);
        return jpa.call(em -> em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.verifierId IS NULL ORDER BY k.id",
                        ApiKeyEntity.class)
                .getResultList().stream().map(ApiKeyEntity::toDto).toList());
    }

    @Override
    public void revoke(Caller caller, long id) {
        requireSystem(caller);
        jpa.run(em -> {
            ApiKeyEntity k = em.find(ApiKeyEntity.class, id);
            if (k == null) {
                throw TitleCertException.notFound("API_KEY_NOT_FOUND", "密钥不存在");
            }
            if (k.getRevokedAt() == null) {
                k.setRevokedAt(LocalDateTime.now(clock));
            }
        });
        audit.record(caller, "API_KEY_REVOKE", "apikey:" + id, Outcome.SUCCESS, null);
    }

    private static void requireSystem(Caller caller) {
        if (!caller.isSystem() || !caller.hasScope(Scopes.ADMIN)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以管理 API 密钥");
        }
    }
}
