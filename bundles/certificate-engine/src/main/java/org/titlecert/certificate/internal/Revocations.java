package org.titlecert.certificate.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;

import org.titlecert.api.Caller;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.RevocationReason;
import org.titlecert.certificate.Validity;
import org.titlecert.filing.Filing;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;

/**
 * Revocation (撤销) of one certificate or of a whole filing's, with a reason from the fixed list and an internal
 * note, and reinstatement (撤销恢复), which makes a certificate valid again and generates it again as a new
 * version. Each act is one transaction and one audit entry; what changed is returned so that the engine drops the
 * public answers it kept and wakes the generator.
 */
final class Revocations {

    /** Revoked on its own. */
    static final String ONE = "CERTIFICATE";
    /** Revoked with its whole filing: reinstating the filing gives it back. */
    static final String FILING = "FILING";

    private static final String REINSTATE = "UPDATE TC_CERTIFICATE SET VALIDITY = 'VALID', REVOKED_REASON = NULL, "
            + "REVOKED_NOTE = NULL, REVOKED_AT = NULL, REVOKED_BY = NULL, REVOKED_SCOPE = NULL, CHANGE_REASON = 'REINSTATED', CHANGE_CORRECTION = NULL, STATUS = '"
            + GenerationStatus.QUEUED.name() + "', REQUESTED = REQUESTED + 1, QUEUED_AT = ?, FAILURE = NULL ";

    /**
     * What an act changed: the certificates (ids and tokens), whether any was queued to be generated again, and
     * whether they were revoked.
     */
    record Changed(List<Long> ids, List<String> tokens, boolean queued, RevocationReason reason,
                   LocalDateTime revokedAt) {

        boolean revoked() {
            return reason != null;
        }
    }

    private final Transactions jpa;
    private final AuditLog audit;

    Revocations(Transactions jpa, AuditLog audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    Changed revoke(Caller caller, long id, RevocationReason reason, String note, Predicate<CertificateEntity> mayRead) {
        String why = note(reason, note, false);
        LocalDateTime now = Db.now();
        CertificateEntity revoked = jpa.call(em -> {
            CertificateEntity c = em.find(CertificateEntity.class, id);
            if (c == null || !mayRead.test(c)) {
                throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
            }
            if (c.getValidity() == Validity.REVOKED) {
                throw TitleCertException.conflict("CERTIFICATE_REVOKED", "该证书已撤销");
            }
            c.revoke(reason, why, caller.principal(), now);
            return c;
        });
        audit.record(caller, "CERTIFICATE_REVOKE", "certificate:" + id, Outcome.SUCCESS,
                revoked.getNumber() + " " + reason.label() + (why == null ? "" : "：" + why));
        return new Changed(List.of(revoked.getId()), List.of(revoked.getToken()), false, reason, now);
    }

    /** Every valid certificate of an approved filing, in one act (a filing found fraudulent). */
    Changed revokeFiling(Caller caller, Filing filing, RevocationReason reason, String note) {
        String why = note(reason, note, false);
        LocalDateTime now = Db.now();
        List<Object[]> taken = jpa.call(em -> {
            List<Object[]> t = em.createQuery("SELECT c.id, c.token FROM CertificateEntity c WHERE c.filingId = :f "
                    + "AND c.validity = :v", Object[].class).setParameter("f", filing.id())
                    .setParameter("v", Validity.VALID).getResultList();
            Sql.update(em, "UPDATE TC_CERTIFICATE SET VALIDITY = ?, REVOKED_REASON = ?, REVOKED_NOTE = ?, "
                    + "REVOKED_AT = ?, REVOKED_BY = ?, REVOKED_SCOPE = ? WHERE FILING_ID = ? AND VALIDITY = ?",
                    Validity.REVOKED, reason.name(), why, now, caller.principal(), FILING, filing.id(),
                    Validity.VALID);
            return t;
        });
        if (taken.isEmpty()) {
            throw TitleCertException.conflict("NOTHING_TO_REVOKE", "该批复备案没有有效的证书可撤销");
        }
        audit.record(caller, "FILING_CERTIFICATES_REVOKE", "filing:" + filing.id(), Outcome.SUCCESS,
                filing.approvalNumber() + " 共 " + taken.size() + " 本 " + reason.label()
                        + (why == null ? "" : "：" + why));
        return changed(taken, false, reason, now);
    }

    /** 撤销恢复: valid again and queued, so that a new version is made. */
    Changed reinstate(Caller caller, long id, String note) {
        String why = note(null, note, true);
        CertificateEntity c = Db.now(jpa, (em, now) -> {
            CertificateEntity e = em.find(CertificateEntity.class, id);
            if (e == null) {
                throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
            }
            if (e.getValidity() != Validity.REVOKED) {
                throw TitleCertException.conflict("CERTIFICATE_NOT_REVOKED", "该证书未被撤销，无需恢复");
            }
            Sql.update(em, REINSTATE + "WHERE ID = ?", now, id);
            return e;
        });
        audit.record(caller, "CERTIFICATE_REINSTATE", "certificate:" + id, Outcome.SUCCESS,
                c.getNumber() + "：" + why);
        return new Changed(List.of(c.getId()), List.of(c.getToken()), true, null, null);
    }

    /** The certificates that the filing's revocation took (not those revoked on their own), reinstated. */
    Changed reinstateFiling(Caller caller, Filing filing, String note) {
        String why = note(null, note, true);
        List<Object[]> taken = Db.now(jpa, (em, now) -> {
            List<Object[]> t = em.createQuery("SELECT c.id, c.token FROM CertificateEntity c WHERE c.filingId = :f "
                    + "AND c.validity = :v AND c.revokedScope = :s", Object[].class).setParameter("f", filing.id())
                    .setParameter("v", Validity.REVOKED).setParameter("s", FILING).getResultList();
            Sql.update(em, REINSTATE + "WHERE FILING_ID = ? AND VALIDITY = ? AND REVOKED_SCOPE = ?", now, filing.id(),
                    Validity.REVOKED, FILING);
            return t;
        });
        if (taken.isEmpty()) {
            throw TitleCertException.conflict("NOTHING_TO_REINSTATE", "该批复备案没有随整批撤销的证书可恢复");
        }
        audit.record(caller, "FILING_CERTIFICATES_REINSTATE", "filing:" + filing.id(), Outcome.SUCCESS,
                filing.approvalNumber() + " 共 " + taken.size() + " 本：" + why);
        return changed(taken, true, null, null);
    }

    private static Changed changed(List<Object[]> idsAndTokens, boolean queued, RevocationReason reason,
                                   LocalDateTime revokedAt) {
        return new Changed(idsAndTokens.stream().map(r -> ((Number) r[0]).longValue()).toList(),
                idsAndTokens.stream().map(r -> (String) r[1]).toList(), queued, reason, revokedAt);
    }

    /** The note, stripped (null if blank); a revocation needs a reason, a reinstatement a note. */
    private static String note(RevocationReason reason, String note, boolean required) {
        String why = note == null || note.isBlank() ? null : note.strip();
        if (!required && reason == null) {
            throw TitleCertException.invalid("REASON_REQUIRED", "请选择撤销原因");
        }
        if (required && why == null) {
            throw TitleCertException.invalid("NOTE_REQUIRED", "请填写恢复的理由");
        }
        if (why != null && why.length() > 500) {
            throw TitleCertException.invalid("NOTE_TOO_LONG", "说明不能超过 500 字");
        }
        return why;
    }
}
