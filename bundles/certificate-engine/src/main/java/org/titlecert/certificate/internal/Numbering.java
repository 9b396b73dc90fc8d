package org.titlecert.certificate.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.titlecert.filing.Committee;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.IssuingAuthority;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;

/**
 * The certificate records of an approved filing, numbered in roster order: each committee's (or region's) number
 * pattern, a sequence row per prefix that serialises concurrent approvals, and an unguessable QR token each.
 */
final class Numbering {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions jpa;
    private final FilingService filings;
    private final OrganizationService organizations;
    private final NumberPattern defaultPattern;
    private final Map<String, NumberPattern> patterns = new HashMap<>();

    Numbering(Transactions jpa, FilingService filings, OrganizationService organizations, EngineConfig config) {
        this.jpa = jpa;
        this.filings = filings;
        this.organizations = organizations;
        this.defaultPattern = NumberPattern.parse(config.numberPattern());
        for (String entry : config.numberPatterns()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("numberPatterns entries are code=pattern: " + entry);
            }
            patterns.put(entry.substring(0, eq).strip(), NumberPattern.parse(entry.substring(eq + 1).strip()));
        }
    }

    /** Records the filing's certificates not recorded yet, all queued; returns how many. Safe to repeat. */
    int record(long filingId) {
        Filing filing = filings.get(Generator.ENGINE, filingId);
        List<PersonTitle> titles = filings.filingTitles(Generator.ENGINE, filingId);
        Set<Long> existing = new HashSet<>(jpa.call(em -> em.createQuery("SELECT c.rosterEntryId FROM "
                + "CertificateEntity c WHERE c.filingId = :f", Long.class).setParameter("f", filingId).getResultList()));
        List<PersonTitle> missing = titles.stream().filter(t -> !existing.contains(t.rosterEntryId())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        Committee committee = organizations.committee(filing.committee().id()).orElseThrow();
        String authority = organizations.issuingAuthority(filing.issuingAuthority().id())
                .map(IssuingAuthority::code).orElse("");
        NumberPattern pattern = patterns.getOrDefault(committee.code(),
                patterns.getOrDefault(committee.region(), defaultPattern));
        String prefix = pattern.prefix(committee.region(), filing.year(), committee.code(), authority);
        return Db.now(jpa, (em, now) -> {
            long first = allocate(em, prefix, missing.size());
            long seq = first;
            for (PersonTitle t : missing) {
                em.persist(new CertificateEntity(t, committee.region(), committee.code(), authority,
                        pattern.format(prefix, seq++), token(), now));
            }
            return missing.size();
        });
    }

    /** Reserves {@code count} numbers after the prefix's last one; the row lock serialises approvals. */
    private static long allocate(EntityManager em, String prefix, int count) {
        int updated = Sql.update(em, "UPDATE TC_CERT_NUMBER_SEQ SET LAST_USED = LAST_USED + ? WHERE PREFIX = ?",
                (long) count, prefix);
        if (updated == 0) {
            em.persist(new NumberSequenceEntity(prefix, count));
            em.flush();
            return 1;
        }
        long last = em.createQuery("SELECT s.last FROM NumberSequenceEntity s WHERE s.prefix = :p", Long.class)
                .setParameter("p", prefix).getSingleResult();
        return last - count + 1;
    }

    private static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
