package org.titlecert.certificate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.Validity;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;

/**
 * What a template or seal change makes stale: the valid certificates made with other templates than their
 * region's best (an OFD template arriving or leaving where the region issues OFD is such a change), or without (or with another) seal of an issuer that has one now. It remembers the issuers that
 * ever had a seal, so that a seal that leaves changes nothing already made.
 */
final class Requeue {

    private final Transactions jpa;
    private final Formats formats;
    private final Seals seals;
    private final Seals ofdSeals;
    private final Set<String> sealedIssuers = ConcurrentHashMap.newKeySet();
    private final Set<String> ofdSealedIssuers = ConcurrentHashMap.newKeySet();

    Requeue(Transactions jpa, Formats formats, Seals seals, Seals ofdSeals) {
        this.jpa = jpa;
        this.formats = formats;
        this.seals = seals;
        this.ofdSeals = ofdSeals;
    }

    /** An issuer now has a seal for PDFs. */
    void sealed(String issuer) {
        sealedIssuers.add(issuer);
    }

    /** An issuer now has a seal for OFDs. */
    void sealedOfd(String issuer) {
        ofdSealedIssuers.add(issuer);
    }

    /**
     * Whether certificates made this way ({region, template, committee code, its seal, authority code, its seal, and
     * the OFD's two seals}) need making again: a template other than the region's best, or a seal missing or made by
     * another provider than the best for an issuer that has one (the issuer's own certificates, or its region's where
     * it is a region code); each format's seals only where the certificates have that format.
     */
    private boolean stale(Object[] made) {
        String region = (String) made[0];
        Formats.Plan plan = formats.plan(region).orElse(null);
        // no template (as just after a start): nothing could render them, and the files stand
        boolean pdf = plan == null ? formats.pdf(region) : plan.pdf() != null;
        return plan != null && !plan.key().equals(made[1])
                || pdf && (staleSeal(seals, sealedIssuers, region, (String) made[2], (String) made[3])
                || staleSeal(seals, sealedIssuers, region, (String) made[4], (String) made[5]))
                || plan != null && plan.ofd() != null
                && (staleSeal(ofdSeals, ofdSealedIssuers, region, (String) made[2], (String) made[6])
                || staleSeal(ofdSeals, ofdSealedIssuers, region, (String) made[4], (String) made[7]));
    }

    private static boolean staleSeal(Seals seals, Set<String> sealedIssuers, String region, String code, String seal) {
        for (String issuer : new String[] {code, region}) {
            if (issuer != null && sealedIssuers.contains(issuer)) {
                String key = seals.best(issuer, region).map(Seals.Entry::key).orElse(null);
                if (key != null && !key.equals(seal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Queues every valid certificate made with another template or seal than the ones now best for it. One pass
     * finds the few ways the certificates were made; only the stale ones are queued (at a province's million
     * certificates, one scan instead of one per template, issuer and region: 18 of them with the demo's seals).
     */
    int run() {
        List<Object[]> ways = jpa.call(em -> em.createQuery("SELECT c.region, c.templateKey, c.committeeCode, "
                + "c.committeeSeal, c.authorityCode, c.authoritySeal, c.ofdCommitteeSeal, c.ofdAuthoritySeal "
                + "FROM CertificateEntity c WHERE c.validity = :v AND c.status IN :s GROUP BY c.region, c.templateKey, "
                + "c.committeeCode, c.committeeSeal, c.authorityCode, c.authoritySeal, c.ofdCommitteeSeal, "
                + "c.ofdAuthoritySeal", Object[].class).setParameter("v", Validity.VALID)
                .setParameter("s", List.of(GenerationStatus.GENERATED, GenerationStatus.FAILED)).getResultList());
        int queued = 0;
        for (Object[] made : ways) {
            if (stale(made)) {
                StringBuilder where = new StringBuilder();
                List<Object> params = new ArrayList<>(List.of(GenerationStatus.QUEUED));
                String[] columns = {"REGION", "TEMPLATE_KEY", "COMMITTEE_CODE", "COMMITTEE_SEAL", "AUTHORITY_CODE",
                        "AUTHORITY_SEAL", "OFD_COMMITTEE_SEAL", "OFD_AUTHORITY_SEAL"};
                for (int i = 0; i < columns.length; i++) {
                    where.append(" AND ").append(columns[i]).append(made[i] == null ? " IS NULL" : " = ?");
                    if (made[i] != null) {
                        params.add(made[i]);
                    }
                }
                params.addAll(List.of(Validity.VALID, GenerationStatus.GENERATED, GenerationStatus.FAILED));
                queued += Db.now(jpa, (em, now) -> {
                    List<Object> bound = new ArrayList<>(params);
                    bound.add(1, now);
                    return Sql.update(em, "UPDATE TC_CERTIFICATE SET STATUS = ?, REQUESTED = REQUESTED + 1, "
                            + "QUEUED_AT = ? WHERE 1 = 1" + where + " AND VALIDITY = ? AND STATUS IN (?, ?)",
                            bound.toArray());
                });
            }
        }
        return queued;
    }
}
