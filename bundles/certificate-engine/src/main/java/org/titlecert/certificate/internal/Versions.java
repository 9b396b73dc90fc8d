package org.titlecert.certificate.internal;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.titlecert.certificate.CertificateVersion;
import org.titlecert.certificate.CorrectionReason;
import org.titlecert.certificate.VersionReason;

/** A certificate's versions as the public may see them: number, SHA-256, date and why each was made. */
final class Versions {

    private Versions() {
    }

    /** Why the version a render of {@code c} makes is made: the request it answers is the newest. */
    static VersionReason reason(CertificateEntity c, int version) {
        return version == 1 ? VersionReason.ISSUED
                : c.getChangeReason() != null ? VersionReason.valueOf(c.getChangeReason()) : VersionReason.REGENERATED;
    }

    static List<CertificateVersion> of(EntityManager em, long certificateId) {
        List<CertificateVersionEntity> rows = em.createQuery("SELECT v FROM CertificateVersionEntity v "
                        + "WHERE v.certificateId = :c ORDER BY v.version", CertificateVersionEntity.class)
                .setParameter("c", certificateId).getResultList();
        Map<Long, CorrectionReason> reasons = new HashMap<>();
        List<Long> corrections = rows.stream().map(CertificateVersionEntity::getCorrectionId)
                .filter(java.util.Objects::nonNull).toList();
        if (!corrections.isEmpty()) {
            em.createQuery("SELECT c FROM CorrectionEntity c WHERE c.id IN :ids", CorrectionEntity.class)
                    .setParameter("ids", corrections).getResultList()
                    .forEach(c -> reasons.put(c.getId(), c.getReason()));
        }
        return rows.stream().map(v -> {
            VersionReason why = v.getReason() != null ? VersionReason.valueOf(v.getReason())
                    : v.getVersion() == 1 ? VersionReason.ISSUED : VersionReason.REGENERATED;
            CorrectionReason fix = why == VersionReason.CORRECTED ? reasons.get(v.getCorrectionId()) : null;
            String text = fix != null ? "因“" + fix.label() + "”更正" : why.label();
            return new CertificateVersion(v.getVersion(), v.getSha256(), v.getCreatedAt().toInstant(ZoneOffset.UTC),
                    why, fix, text);
        }).toList();
    }
}
