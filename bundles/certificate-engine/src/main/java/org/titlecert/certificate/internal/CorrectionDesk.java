package org.titlecert.certificate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PdfUpload;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.CorrectedField;
import org.titlecert.certificate.Correction;
import org.titlecert.certificate.CorrectionEvidence;
import org.titlecert.certificate.CorrectionReason;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.CorrectionStatus;
import org.titlecert.certificate.FieldChange;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.Validity;
import org.titlecert.certificate.VersionReason;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.RosterChange;
import org.titlecert.filing.RosterEntry;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;

/**
 * Corrections (更正): a unit asks with evidence, the supervising department decides. Approval changes the roster
 * entry (the registry keeps its previous values) and queues the certificate again, so that a new version under the
 * same number replaces the current one; the version records the correction it came from.
 */
@Component(service = CorrectionService.class, configurationPid = EngineConfig.PID)
public class CorrectionDesk implements CorrectionService {

    private final Transactions jpa;
    private final FilingService filings;
    private final AuditLog audit;
    private final ContentStore evidence;
    private final CertificateChanges changes;
    private final EngineConfig config;

    @Activate
    public CorrectionDesk(@Reference(target = "(&(osgi.unit.name=titlecert-certificate)" + Schema.CURRENT + ")")
                          EntityManagerFactory emf, @Reference FilingService filings, @Reference AuditLog audit,
                          @Reference ContentStores stores, @Reference CertificateChanges changes,
                          EngineConfig config) {
        this.jpa = new Transactions(emf);
        this.filings = filings;
        this.audit = audit;
        this.evidence = stores.area(CorrectionFiles.AREA, CorrectionFiles.EXTENSION);
        this.changes = changes;
        this.config = config;
    }

    @Override
    public Correction request(Caller caller, long certificateId, RosterChange change, CorrectionReason reason,
                              String detail, String evidenceName, InputStream pdf) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_WRITE);
        CertificateEntity c = jpa.call(em -> certificate(em, caller, certificateId));
        String why = note(detail, false);
        if (reason == null) {
            throw TitleCertException.invalid("REASON_REQUIRED", "请选择更正原因");
        }
        requireCorrectable(c);
        requireNonePending(certificateId);
        RosterEntry before = entry(c.getRosterEntryId(), caller);
        RosterEntry after = filings.checkCorrection(caller, c.getRosterEntryId(), change);
        List<FieldChange> fields = diff(before, after);
        Evidence file = pdf == null ? null : store(evidenceName, pdf);
        CorrectionEntity saved = Db.now(jpa, (em, now) -> {
            // the certificate's row lock makes concurrent requests for it wait here and then see each other
            Sql.update(em, "UPDATE TC_CERTIFICATE SET CORRECTIONS = CORRECTIONS WHERE ID = ?", certificateId);
            CertificateEntity current = certificate(em, caller, certificateId);
            requireCorrectable(current);
            requireNonePending(em, certificateId);
            CorrectionEntity e = new CorrectionEntity(current, reason, why, caller.principal(), now);
            if (file != null) {
                e.setEvidence(file.sha256(), file.name(), file.size());
            }
            em.persist(e);
            em.flush();
            fields.forEach(f -> em.persist(new CorrectionFieldEntity(e.getId(), f)));
            return e;
        });
        audit.record(caller, "CORRECTION_REQUEST", "certificate:" + certificateId, Outcome.SUCCESS,
                c.getNumber() + " " + reason.label() + "：" + describe(fields));
        return get(caller, saved.getId());
    }

    @Override
    public Correction putEvidence(Caller caller, long id, String fileName, InputStream pdf) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_WRITE);
        jpa.call(em -> decidable(em, caller, id));
        if (pdf == null) {
            throw TitleCertException.invalid("EVIDENCE_REQUIRED", "请上传证明材料（PDF）");
        }
        Evidence file = store(fileName, pdf);
        Db.now(jpa, (em, now) -> {
            decidable(em, caller, id).setEvidence(file.sha256(), file.name(), file.size());
            return null;
        });
        audit.record(caller, "CORRECTION_EVIDENCE_UPLOAD", "correction:" + id, Outcome.SUCCESS,
                file.name() + " " + file.sha256());
        return get(caller, id);
    }

    private record Evidence(String sha256, String name, long size) {
    }

    /** Checks the PDF and stores it: the file first, so a correction never names evidence that is not there. */
    private Evidence store(String fileName, InputStream pdf) {
        byte[] data = PdfUpload.readBounded(pdf, config.maxEvidenceMb() * 1024L * 1024L);
        PdfUpload.check(data, "证明材料");
        return new Evidence(evidence.put(data), PdfUpload.safeFilename(fileName, "证明材料.pdf"), data.length);
    }

    @Override
    public Page<Correction> find(Caller caller, CorrectionStatus status, long certificateId, PageRequest page) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        return jpa.call(em -> {
            String where = " WHERE 1 = 1" + (caller.isSystem() ? "" : " AND c.unitId = :u")
                    + (status == null ? "" : " AND c.status = :s") + (certificateId > 0 ? " AND c.certificateId = :c" : "");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CorrectionEntity c" + where, Long.class);
            TypedQuery<CorrectionEntity> list = em.createQuery("SELECT c FROM CorrectionEntity c" + where
                    + " ORDER BY c.requestedAt DESC, c.id DESC", CorrectionEntity.class);
            for (TypedQuery<?> q : List.of(count, list)) {
                if (!caller.isSystem()) {
                    q.setParameter("u", caller.unitId());
                }
                if (status != null) {
                    q.setParameter("s", status);
                }
                if (certificateId > 0) {
                    q.setParameter("c", certificateId);
                }
            }
            List<CorrectionEntity> rows = list.setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList();
            return new Page<>(dtos(em, rows), count.getSingleResult(), page.page(), page.size());
        });
    }

    @Override
    public Correction get(Caller caller, long id) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        return jpa.call(em -> dtos(em, List.of(scoped(em, caller, id))).get(0));
    }

    @Override
    public CorrectionEvidence evidence(Caller caller, long id) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        CorrectionEntity c = jpa.call(em -> scoped(em, caller, id));
        if (c.getEvidenceSha256() == null) {
            throw TitleCertException.notFound("EVIDENCE_NOT_FOUND", "尚未上传证明材料");
        }
        audit.record(caller, "CORRECTION_EVIDENCE_DOWNLOAD", "correction:" + id, Outcome.SUCCESS, null);
        return new CorrectionEvidence() {
            @Override
            public String fileName() {
                return c.getEvidenceName();
            }

            @Override
            public long size() {
                return c.getEvidenceSize();
            }

            @Override
            public InputStream open() throws IOException {
                return evidence.open(c.getEvidenceSha256());
            }
        };
    }

    @Override
    public Correction approve(Caller caller, long id, String note) {
        requireSystem(caller);
        String why = note(note, false);
        CorrectionEntity c = jpa.call(em -> decidable(em, caller, id));
        if (c.getEvidenceSha256() == null) {
            throw TitleCertException.conflict("EVIDENCE_REQUIRED", "该更正申请尚未上传证明材料，不能审核通过");
        }
        CertificateEntity cert = jpa.call(em -> em.find(CertificateEntity.class, c.getCertificateId()));
        requireCorrectable(cert);
        List<FieldChange> fields = jpa.call(em -> fields(em, List.of(id)).getOrDefault(id, List.of()));
        // the registry's change is keyed by the correction: if this act fails after it, approving again completes it
        RosterEntry after = filings.correct(caller, c.getRosterEntryId(), change(fields), "correction:" + id);
        String token = Db.now(jpa, (em, now) -> {
            int decided = Sql.update(em, "UPDATE TC_CORRECTION SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, "
                            + "DECISION_NOTE = ? WHERE ID = ? AND STATUS = ?", CorrectionStatus.APPROVED,
                    caller.principal(), now, why, id, CorrectionStatus.PENDING);
            if (decided == 0) {
                throw TitleCertException.conflict("CORRECTION_DECIDED", "该更正申请已处理");
            }
            Sql.update(em, "UPDATE TC_CERTIFICATE SET PERSON_NAME = ?, SERIES = ?, SPECIALTY = ?, TITLE_NAME = ?, "
                            + "TITLE_LEVEL = ?, CORRECTIONS = CORRECTIONS + 1, CHANGE_REASON = ?, CHANGE_CORRECTION = ?, "
                            + "STATUS = ?, REQUESTED = REQUESTED + 1, QUEUED_AT = ?, FAILURE = NULL WHERE ID = ?",
                    after.name(), after.series(), after.specialty(), after.titleName(), after.level(),
                    VersionReason.CORRECTED.name(), id, GenerationStatus.QUEUED, now, c.getCertificateId());
            return cert.getToken();
        });
        changes.changed(List.of(token), true);
        audit.record(caller, "CORRECTION_APPROVE", "correction:" + id, Outcome.SUCCESS,
                c.getNumber() + " " + c.getReason().label() + "：" + describe(fields));
        return get(caller, id);
    }

    @Override
    public Correction reject(Caller caller, long id, String note) {
        requireSystem(caller);
        String why = note(note, true);
        Db.now(jpa, (em, now) -> {
            decidable(em, caller, id);
            return Sql.update(em, "UPDATE TC_CORRECTION SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, "
                            + "DECISION_NOTE = ? WHERE ID = ? AND STATUS = ?", CorrectionStatus.REJECTED,
                    caller.principal(), now, why, id, CorrectionStatus.PENDING);
        });
        audit.record(caller, "CORRECTION_REJECT", "correction:" + id, Outcome.SUCCESS, why);
        return get(caller, id);
    }

    // ---- helpers

    private RosterEntry entry(long rosterEntryId, Caller caller) {
        var t = filings.title(caller, rosterEntryId);
        return new RosterEntry(t.rosterEntryId(), t.filingId(), t.personId(), t.name(), t.idNumber(), t.gender(),
                t.birthDate(), t.employer(), t.series(), t.specialty(), t.titleName(), t.level(),
                t.qualificationDate());
    }

    private static CertificateEntity certificate(EntityManager em, Caller caller, long id) {
        CertificateEntity c = em.find(CertificateEntity.class, id);
        if (c == null || !caller.mayManageUnit(c.getUnitId())) {
            throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
        }
        return c;
    }

    private static void requireCorrectable(CertificateEntity c) {
        if (c.getValidity() == Validity.REVOKED) {
            throw TitleCertException.conflict("CERTIFICATE_REVOKED", "已撤销的证书不能更正");
        }
    }

    private void requireNonePending(long certificateId) {
        jpa.run(em -> requireNonePending(em, certificateId));
    }

    /** A certificate has at most one correction waiting: a second would be decided on stale values. */
    private static void requireNonePending(EntityManager em, long certificateId) {
        if (!em.createQuery("SELECT c.id FROM CorrectionEntity c WHERE c.certificateId = :c AND c.status = :s",
                        Long.class).setParameter("c", certificateId).setParameter("s", CorrectionStatus.PENDING)
                .setMaxResults(1).getResultList().isEmpty()) {
            throw TitleCertException.conflict("CORRECTION_PENDING", "该证书已有待审核的更正申请");
        }
    }

    private static CorrectionEntity scoped(EntityManager em, Caller caller, long id) {
        CorrectionEntity c = em.find(CorrectionEntity.class, id);
        if (c == null || !caller.mayManageUnit(c.getUnitId())) {
            throw TitleCertException.notFound("CORRECTION_NOT_FOUND", "更正申请不存在");
        }
        return c;
    }

    private static CorrectionEntity decidable(EntityManager em, Caller caller, long id) {
        CorrectionEntity c = scoped(em, caller, id);
        if (c.getStatus() != CorrectionStatus.PENDING) {
            throw TitleCertException.conflict("CORRECTION_DECIDED", "该更正申请已" + c.getStatus().label());
        }
        return c;
    }

    private List<Correction> dtos(EntityManager em, List<CorrectionEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = Sql.inList(rows.stream().map(CorrectionEntity::getId).toList());
        Map<Long, List<FieldChange>> fields = fields(em, ids);
        Map<Long, Integer> versions = new HashMap<>();
        Sql.rows(em, "SELECT CORRECTION_ID, MIN(VERSION_NO) FROM TC_CERT_VERSION" + Sql.index("TC_CERT_VERSION_CORRECTION")
                        + " WHERE CORRECTION_ID IN (" + Sql.marks(ids.size()) + ") GROUP BY CORRECTION_ID", ids)
                .forEach(r -> versions.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return rows.stream().map(r -> r.toDto(fields.getOrDefault(r.getId(), List.of()),
                versions.getOrDefault(r.getId(), 0))).toList();
    }

    private static Map<Long, List<FieldChange>> fields(EntityManager em, List<Long> ids) {
        Map<Long, List<FieldChange>> byCorrection = new HashMap<>();
        Sql.rows(em, "SELECT CORRECTION_ID, FIELD, OLD_VALUE, NEW_VALUE FROM TC_CORRECTION_FIELD"
                        + Sql.index("TC_CORRECTION_FIELD_OF") + " WHERE CORRECTION_ID IN (" + Sql.marks(ids.size())
                        + ") ORDER BY ID", ids)
                .forEach(r -> byCorrection.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                        .add(new FieldChange(CorrectedField.valueOf((String) r[1]), (String) r[2], (String) r[3])));
        byCorrection.values().forEach(l -> l.sort(java.util.Comparator.comparing(FieldChange::field)));
        return byCorrection;
    }

    /** The fields that differ, with their values before and after (dates as yyyy-MM-dd). */
    static List<FieldChange> diff(RosterEntry b, RosterEntry a) {
        List<FieldChange> d = new ArrayList<>();
        add(d, CorrectedField.NAME, b.name(), a.name());
        add(d, CorrectedField.GENDER, b.gender(), a.gender());
        add(d, CorrectedField.BIRTH_DATE, b.birthDate(), a.birthDate());
        add(d, CorrectedField.EMPLOYER, b.employer(), a.employer());
        add(d, CorrectedField.SERIES, b.series(), a.series());
        add(d, CorrectedField.SPECIALTY, b.specialty(), a.specialty());
        add(d, CorrectedField.TITLE_NAME, b.titleName(), a.titleName());
        add(d, CorrectedField.LEVEL, b.level(), a.level());
        add(d, CorrectedField.QUALIFICATION_DATE, b.qualificationDate(), a.qualificationDate());
        return d;
    }

    private static void add(List<FieldChange> d, CorrectedField f, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            d.add(new FieldChange(f, String.valueOf(before), String.valueOf(after)));
        }
    }

    /** The requested values as a change of the roster entry. */
    static RosterChange change(List<FieldChange> fields) {
        Map<CorrectedField, String> to = new HashMap<>();
        fields.forEach(f -> to.put(f.field(), f.to()));
        return new RosterChange(to.get(CorrectedField.NAME), to.get(CorrectedField.GENDER),
                date(to.get(CorrectedField.BIRTH_DATE)), to.get(CorrectedField.EMPLOYER),
                to.get(CorrectedField.SERIES), to.get(CorrectedField.SPECIALTY), to.get(CorrectedField.TITLE_NAME),
                to.get(CorrectedField.LEVEL), date(to.get(CorrectedField.QUALIFICATION_DATE)));
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String describe(List<FieldChange> fields) {
        return String.join("；", fields.stream().map(f -> f.field().label() + " " + f.from() + " → " + f.to())
                .toList());
    }

    private static String note(String note, boolean required) {
        String why = note == null || note.isBlank() ? null : note.strip();
        if (required && why == null) {
            throw TitleCertException.invalid("NOTE_REQUIRED", "请填写不予更正的理由");
        }
        if (why != null && why.length() > 500) {
            throw TitleCertException.invalid("NOTE_TOO_LONG", "说明不能超过 500 字");
        }
        return why;
    }

    private static void requireSystem(Caller caller) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_WRITE);
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅主管部门可以审核更正");
        }
    }
}
