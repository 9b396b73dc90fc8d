package org.titlecert.filing.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.jpa.Transactions;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PdfUpload;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.Document;
import org.titlecert.filing.DocumentInfo;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingDraft;
import org.titlecert.filing.FilingQuery;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.ImportMode;
import org.titlecert.filing.ImportReport;
import org.titlecert.filing.PersonTitle;
import org.titlecert.filing.RosterChange;
import org.titlecert.filing.RosterEntry;
import org.titlecert.jpa.Schema;

/** Filings and rosters in the registry's own tables, scoped to the caller in every method. */
@Component(service = FilingService.class, configurationPid = FilingRegistryConfig.PID)
@Designate(ocd = FilingRegistryConfig.class)
public class JpaFilingService implements FilingService {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "f.id", "name", "f.name", "approvalNumber", "f.approvalNumber", "year", "f.year",
            "type", "f.type", "status", "f.status", "createdAt", "f.createdAt");
    private static final int IN_CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(JpaFilingService.class);
    static final String PERSISTENCE_UNIT = "(&(osgi.unit.name=titlecert-filing)" + Schema.CURRENT + ")";

    private final Transactions jpa;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Reference
    private AuditLog audit;

    /** Today (in the platform's zone) and the UTC times the rows record. */
    @Reference(policyOption = ReferencePolicyOption.GREEDY, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformClock clock;

    private volatile FilingRegistryConfig config;

    /** Approval documents, by SHA-256 (as the filing records it). */
    private final ContentStore documents;

    @Activate
    public JpaFilingService(@Reference(target = PERSISTENCE_UNIT) EntityManagerFactory emf,
                            @Reference ContentStores stores, FilingRegistryConfig config) {
        this.jpa = new Transactions(emf);
        this.config = config;
        this.documents = stores.area(ApprovalDocumentFiles.AREA, ApprovalDocumentFiles.EXTENSION);
        moveDocumentsOutOfTheDatabase();
        countRosters();
    }

    /** Filings written before their roster's length was kept get it counted, once, in one statement. */
    private void countRosters() {
        int counted = jpa.call(em -> em.createNativeQuery("UPDATE TC_FILING SET ROSTER_SIZE = (SELECT COUNT(*) FROM "
                + "TC_ROSTER_ENTRY r WHERE r.FILING_ID = TC_FILING.ID) WHERE ROSTER_SIZE IS NULL").executeUpdate());
        if (counted > 0) {
            LOG.info("Counted the rosters of {} filings", counted);
        }
    }

    /**
     * Approval documents used to be kept in the database ({@code TC_APPROVAL_DOC}); they move to the file store,
     * one at a time, each checked against the SHA-256 its filing recorded before its row goes. Safe to repeat and
     * to run on several nodes at once.
     */
    private void moveDocumentsOutOfTheDatabase() {
        List<Long> ids = jpa.call(em -> em.createQuery("SELECT d.filingId FROM ApprovalDocumentEntity d", Long.class)
                .getResultList());
        int moved = 0;
        for (long id : ids) {
            try {
                moved += jpa.call(em -> {
                    ApprovalDocumentEntity doc = em.find(ApprovalDocumentEntity.class, id);
                    FilingEntity f = em.find(FilingEntity.class, id);
                    if (doc == null) {
                        return 0;
                    }
                    if (f != null && f.hasApprovalDocument() && !documents.put(doc.getContent()).equals(f.docSha256())) {
                        throw new IllegalStateException("approval document of filing " + id + " does not match its SHA-256");
                    }
                    em.remove(doc);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.error("Approval document of filing {} stays in the "
                        + "database: {}", id, e.getMessage());
            }
        }
        if (moved > 0) {
            LOG.info("Moved {} approval documents from the database to "
                    + "the file store", moved);
        }
    }

    @Modified
    void modified(FilingRegistryConfig c) {
        this.config = c;
    }

    @Override
    public Page<Filing> find(Caller caller, FilingQuery q) {
        if (!caller.isAdmin()) {
            throw TitleCertException.forbidden("FORBIDDEN", "无权查看批复备案");
        }
        Long unit = caller.isSystem() ? q.unitId() : caller.unitId();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (notBlank(q.name())) {
            where.append(" AND f.name LIKE :name ESCAPE '\\'");
            params.put("name", like(q.name()));
        }
        if (notBlank(q.approvalNumber())) {
            where.append(" AND f.approvalNumber LIKE :approvalNumber ESCAPE '\\'");
            params.put("approvalNumber", like(q.approvalNumber()));
        }
        if (q.year() != null) {
            where.append(" AND f.year = :year");
            params.put("year", q.year());
        }
        if (q.type() != null) {
            where.append(" AND f.type = :type");
            params.put("type", q.type());
        }
        if (q.status() != null) {
            where.append(" AND f.status = :status");
            params.put("status", q.status());
        }
        if (unit != null) {
            where.append(" AND f.unit.id = :unit");
            params.put("unit", unit);
        }
        String order = orderBy(q.sort());
        PageRequest p = q.page();
        return jpa.call(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(f) FROM FilingEntity f" + where, Long.class);
            params.forEach(count::setParameter);
            long total = count.getSingleResult();
            List<Filing> found = List.of();
            if (total > p.offset()) {
                // the page's ids first, from the filing rows alone; then those filings with their unit, committee
                // and authority: joining all matches before the sort costs a unit of a thousand filings 3×
                TypedQuery<Long> page = em.createQuery("SELECT f.id FROM FilingEntity f" + where + order, Long.class);
                params.forEach(page::setParameter);
                List<Long> ids = page.setFirstResult(p.offset()).setMaxResults(p.size()).getResultList();
                Map<Long, FilingEntity> byId = new HashMap<>();
                em.createQuery("SELECT f FROM FilingEntity f WHERE f.id IN :ids", FilingEntity.class)
                        .setParameter("ids", ids).getResultList().forEach(f -> byId.put(f.getId(), f));
                found = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(f -> dto(em, f)).toList();
            }
            return new Page<>(found, total, p.page(), p.size());
        });
    }

    @Override
    public Filing get(Caller caller, long id) {
        return jpa.call(em -> dto(em, scoped(em, caller, id)));
    }

    @Override
    public Filing create(Caller caller, FilingDraft draft) {
        requireManager(caller);
        Filing f = write(em -> {
            FilingEntity e = new FilingEntity(now());
            apply(em, caller, e, draft, null);
            em.persist(e);
            return dto(em, e);
        });
        audit.record(caller, "FILING_CREATE", "filing:" + f.id(), Outcome.SUCCESS, f.approvalNumber());
        return f;
    }

    @Override
    public Filing update(Caller caller, long id, FilingDraft draft) {
        requireManager(caller);
        Filing f = write(em -> {
            FilingEntity e = editable(em, caller, id);
            apply(em, caller, e, draft, id);
            e.touch(now());
            return dto(em, e);
        });
        audit.record(caller, "FILING_UPDATE", "filing:" + id, Outcome.SUCCESS, f.approvalNumber());
        return f;
    }

    @Override
    public Filing approve(Caller caller, long id, LocalDate approvalDate) {
        requireSystem(caller);
        LocalDate today = clock.today();
        LocalDate date = approvalDate == null ? today : approvalDate;
        if (date.isAfter(today)) {
            throw TitleCertException.invalid("APPROVAL_DATE_INVALID", "批复日期不能晚于今天");
        }
        Filing approved = write(em -> {
            FilingEntity f = editable(em, caller, id);
            if (!f.hasApprovalDocument()) {
                throw TitleCertException.invalid("APPROVAL_DOCUMENT_REQUIRED", "请先上传批复文件，再审核通过");
            }
            if (rosterSize(em, f) == 0) {
                throw TitleCertException.invalid("ROSTER_EMPTY", "人员名单为空，不能审核通过");
            }
            f.decide(FilingStatus.APPROVED, null, date, now());
            f.touch(now());
            return dto(em, f);
        });
        // the approval is committed: its certificates follow even if the audit entry cannot be written (a full disk)
        EventAdmin ea = events;
        if (ea != null) {
            ea.postEvent(new Event(TOPIC_APPROVED, Map.of("filingId", id, "principal", caller.principal())));
        }
        audit.record(caller, "FILING_APPROVE", "filing:" + id, Outcome.SUCCESS, approved.approvalNumber());
        return approved;
    }

    @Override
    public Filing reject(Caller caller, long id, String reason) {
        requireSystem(caller);
        if (!notBlank(reason)) {
            throw TitleCertException.invalid("REASON_REQUIRED", "请填写审核不通过的原因",
                    List.of(Violation.field("reason", "请填写审核不通过的原因")));
        }
        if (reason.length() > 500) {
            throw TitleCertException.invalid("REASON_TOO_LONG", "原因不能超过 500 字");
        }
        Filing f = write(em -> {
            FilingEntity e = editable(em, caller, id);
            e.decide(FilingStatus.REJECTED, reason.strip(), null, now());
            e.touch(now());
            return dto(em, e);
        });
        audit.record(caller, "FILING_REJECT", "filing:" + id, Outcome.SUCCESS, reason.strip());
        return f;
    }

    @Override
    public ImportReport importRoster(Caller caller, long filingId, byte[] content, ImportMode mode) {
        requireManager(caller);
        jpa.call(em -> editable(em, caller, filingId));
        FilingRegistryConfig c = config;
        RosterTable table = new RosterReader(c.maxRosterRows(), c.maxRosterInflatedMb() * 1024L * 1024L).read(content);
        RosterValidator.Result result = new RosterValidator(clock.today()).validate(table);
        if (!result.violations().isEmpty()) {
            List<Violation> v = result.violations();
            audit.record(caller, "ROSTER_IMPORT", "filing:" + filingId, Outcome.FAILURE, v.size() + " 处错误");
            throw TitleCertException.invalid("ROSTER_INVALID",
                    "名单校验未通过，共 " + v.size() + " 处错误，未导入任何数据",
                    v.subList(0, Math.min(v.size(), c.maxReportedViolations())));
        }
        ImportReport report = write(em -> upsert(em, caller, filingId, result.rows(),
                mode == null ? ImportMode.MERGE : mode, table));
        audit.record(caller, "ROSTER_IMPORT", "filing:" + filingId, Outcome.SUCCESS, String.format(
                "%s %d 行：新增 %d，更新 %d，未变 %d，移除 %d", report.format(), report.rows(), report.inserted(),
                report.updated(), report.unchanged(), report.removed()));
        return report;
    }

    private ImportReport upsert(EntityManager em, Caller caller, long filingId, List<RosterRow> rows, ImportMode mode,
                                RosterTable table) {
        FilingEntity filing = editable(em, caller, filingId);
        Map<String, RosterEntryEntity> existing = new HashMap<>();
        for (RosterEntryEntity e : em.createQuery("SELECT r FROM RosterEntryEntity r WHERE r.filingId = :f",
                RosterEntryEntity.class).setParameter("f", filingId).getResultList()) {
            existing.put(e.getIdNumber(), e);
        }
        Map<String, Long> personIds = personIds(em, rows.stream().map(RosterRow::idNumber).toList());
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        Set<String> inFile = new HashSet<>();
        for (RosterRow row : rows) {
            inFile.add(row.idNumber());
            RosterEntryEntity e = existing.get(row.idNumber());
            if (e == null) {
                e = new RosterEntryEntity(filingId, personIds.get(row.idNumber()));
                e.apply(row);
                em.persist(e);
                inserted++;
            } else if (e.apply(row)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        if (mode == ImportMode.REPLACE) {
            for (RosterEntryEntity e : existing.values()) {
                if (!inFile.contains(e.getIdNumber())) {
                    em.remove(e);
                    removed++;
                }
            }
        }
        filing.rosterSize(existing.size() + inserted - removed);
        if (inserted + updated + removed > 0) {
            em.lock(filing, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            filing.touch(now());
        }
        return new ImportReport(rows.size(), inserted, updated, unchanged, removed, table.format(), table.encoding());
    }

    /** The registry's person ids for these ID numbers, creating the persons it does not know yet. */
    private static Map<String, Long> personIds(EntityManager em, List<String> idNumbers) {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < idNumbers.size(); i += IN_CHUNK) {
            List<String> chunk = idNumbers.subList(i, Math.min(idNumbers.size(), i + IN_CHUNK));
            for (PersonEntity p : em.createQuery("SELECT p FROM PersonEntity p WHERE p.idNumber IN :ids",
                    PersonEntity.class).setParameter("ids", chunk).getResultList()) {
                ids.put(p.getIdNumber(), p.getId());
            }
        }
        List<PersonEntity> created = new ArrayList<>();
        for (String id : idNumbers) {
            if (!ids.containsKey(id)) {
                PersonEntity p = new PersonEntity(id);
                em.persist(p);
                created.add(p);
            }
        }
        if (!created.isEmpty()) {
            em.flush();
            created.forEach(p -> ids.put(p.getIdNumber(), p.getId()));
        }
        return ids;
    }

    @Override
    public Page<RosterEntry> roster(Caller caller, long filingId, PageRequest p) {
        return jpa.call(em -> {
            long total = rosterSize(em, scoped(em, caller, filingId));
            List<RosterEntry> items = total <= p.offset() ? List.of()
                    : em.createQuery("SELECT r FROM RosterEntryEntity r WHERE r.filingId = :f ORDER BY r.id",
                            RosterEntryEntity.class).setParameter("f", filingId)
                    .setFirstResult(p.offset()).setMaxResults(p.size()).getResultList()
                    .stream().map(RosterEntryEntity::toDto).toList();
            return new Page<>(items, total, p.page(), p.size());
        });
    }

    @Override
    public List<PersonTitle> titles(Caller caller, long personId) {
        boolean own = caller.role() == Role.INDIVIDUAL && caller.personId() != null && caller.personId() == personId;
        if (!own && !caller.isAdmin()) {
            throw TitleCertException.notFound("PERSON_NOT_FOUND", "人员不存在");
        }
        Long unit = caller.unitId();
        List<PersonTitle> titles = jpa.call(em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT r, f FROM RosterEntryEntity r, FilingEntity f "
                    + "WHERE r.filingId = f.id AND r.personId = :p AND f.status = :s"
                    + (unit == null ? "" : " AND f.unit.id = :u") + " ORDER BY f.year DESC, r.id DESC", Object[].class)
                    .setParameter("p", personId).setParameter("s", FilingStatus.APPROVED);
            if (unit != null) {
                q.setParameter("u", unit);
            }
            return q.getResultList().stream()
                    .map(row -> ((RosterEntryEntity) row[0]).toTitle((FilingEntity) row[1])).toList();
        });
        if (titles.isEmpty() && caller.role() == Role.UNIT_ADMIN) {
            // not on the unit's approved filings: a pending roster row is the unit's claim, not a right to read
            throw TitleCertException.notFound("PERSON_NOT_FOUND", "人员不存在");
        }
        return titles;
    }

    @Override
    public List<PersonTitle> filingTitles(Caller caller, long filingId) {
        return jpa.call(em -> {
            FilingEntity f = scoped(em, caller, filingId);
            if (f.getStatus() != FilingStatus.APPROVED) {
                return List.<PersonTitle>of();
            }
            return em.createQuery("SELECT r FROM RosterEntryEntity r WHERE r.filingId = :f ORDER BY r.id",
                    RosterEntryEntity.class).setParameter("f", filingId).getResultList().stream()
                    .map(r -> r.toTitle(f)).toList();
        });
    }

    @Override
    public PersonTitle title(Caller caller, long rosterEntryId) {
        return jpa.call(em -> {
            RosterEntryEntity r = em.find(RosterEntryEntity.class, rosterEntryId);
            FilingEntity f = r == null ? null : em.find(FilingEntity.class, r.getFilingId());
            boolean visible = f != null && f.getStatus() == FilingStatus.APPROVED
                    && (caller.role() == Role.INDIVIDUAL ? caller.isHolder(r.getPersonId(), f.getUnit().getId())
                    : caller.mayManageUnit(f.getUnit().getId()));
            if (!visible) {
                throw TitleCertException.notFound("TITLE_NOT_FOUND", "职称记录不存在");
            }
            return r.toTitle(f);
        });
    }

    @Override
    public RosterEntry checkCorrection(Caller caller, long rosterEntryId, RosterChange change) {
        RosterEntry e = jpa.call(em -> correctable(em, caller, rosterEntryId).toDto());
        RosterRow r = RosterCorrections.check(e, change, clock.today());
        return new RosterEntry(e.id(), e.filingId(), e.personId(), r.name(), e.idNumber(), r.gender().label(),
                r.birthDate(), r.employer(), r.series(), r.specialty(), r.titleName(), r.level(),
                r.qualificationDate());
    }

    @Override
    public RosterEntry correct(Caller caller, long rosterEntryId, RosterChange change, String reference) {
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅主管部门可以审核更正");
        }
        RosterEntry after = write(em -> {
            RosterEntryEntity r = correctable(em, caller, rosterEntryId);
            boolean done = !em.createQuery("SELECT h.id FROM RosterHistoryEntity h WHERE h.rosterEntryId = :r "
                            + "AND h.reference = :ref", Long.class).setParameter("r", rosterEntryId)
                    .setParameter("ref", reference).getResultList().isEmpty();
            if (done) {
                return null;
            }
            RosterEntry before = r.toDto();
            r.apply(RosterCorrections.check(before, change, clock.today()));
            em.persist(new RosterHistoryEntity(before, reference, caller.principal(), now()));
            return r.toDto();
        });
        if (after == null) {
            return jpa.call(em -> em.find(RosterEntryEntity.class, rosterEntryId).toDto());
        }
        audit.record(caller, "ROSTER_CORRECT", "roster-entry:" + rosterEntryId, Outcome.SUCCESS, reference);
        return after;
    }

    /** A roster entry of an approved filing in the caller's scope. */
    private static RosterEntryEntity correctable(EntityManager em, Caller caller, long rosterEntryId) {
        RosterEntryEntity r = em.find(RosterEntryEntity.class, rosterEntryId);
        FilingEntity f = r == null ? null : em.find(FilingEntity.class, r.getFilingId());
        if (f == null || !caller.mayManageUnit(f.getUnit().getId())) {
            throw TitleCertException.notFound("TITLE_NOT_FOUND", "职称记录不存在");
        }
        if (f.getStatus() != FilingStatus.APPROVED) {
            throw TitleCertException.conflict("FILING_NOT_APPROVED", "批复备案审核通过后才能更正");
        }
        return r;
    }

    @Override
    public DocumentInfo putApprovalDocument(Caller caller, long filingId, String filename, InputStream content) {
        requireManager(caller);
        jpa.call(em -> editable(em, caller, filingId));
        byte[] data = PdfUpload.readBounded(content, config.maxApprovalDocumentMb() * 1024L * 1024L);
        PdfUpload.check(data, "批复文件");
        String sha = PdfUpload.sha256(data);
        String name = PdfUpload.safeFilename(filename, "批复文件.pdf");
        documents.put(data); // the file first: a filing never names a document that is not there
        DocumentInfo info = write(em -> {
            FilingEntity f = editable(em, caller, filingId);
            f.setApprovalDocument(name, sha, data.length, now());
            f.touch(now());
            return f.documentInfo();
        });
        audit.record(caller, "APPROVAL_DOCUMENT_UPLOAD", "filing:" + filingId, Outcome.SUCCESS, name + " " + sha);
        return info;
    }

    @Override
    public Document approvalDocument(Caller caller, long filingId) {
        DocumentInfo info = jpa.call(em -> {
            FilingEntity f = scoped(em, caller, filingId);
            if (!f.hasApprovalDocument()) {
                throw TitleCertException.notFound("DOCUMENT_NOT_FOUND", "尚未上传批复文件");
            }
            return f.documentInfo();
        });
        Document d = new Document(info, "application/pdf", documents.get(info.sha256()));
        audit.record(caller, "APPROVAL_DOCUMENT_DOWNLOAD", "filing:" + filingId, Outcome.SUCCESS, null);
        return d;
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Runs a change, turning lost races on the same rows into a conflict the caller can retry. */
    private <T> T write(Function<EntityManager, T> work) {
        try {
            return jpa.call(work);
        } catch (TitleCertException e) {
            throw e;
        } catch (PersistenceException e) {
            throw TitleCertException.conflict("CONCURRENT_CHANGE", "数据已被他人同时修改，请刷新后重试");
        }
    }

    private static FilingEntity scoped(EntityManager em, Caller caller, long id) {
        FilingEntity f = em.find(FilingEntity.class, id);
        if (f == null || !caller.mayManageUnit(f.getUnit().getId())) {
            throw TitleCertException.notFound("FILING_NOT_FOUND", "批复备案不存在");
        }
        return f;
    }

    private static FilingEntity editable(EntityManager em, Caller caller, long id) {
        FilingEntity f = scoped(em, caller, id);
        if (f.getStatus() != FilingStatus.PENDING) {
            throw TitleCertException.conflict("FILING_READ_ONLY",
                    "该批复备案已" + f.getStatus().label() + "，不能再修改");
        }
        return f;
    }

    private void apply(EntityManager em, Caller caller, FilingEntity f, FilingDraft d, Long selfId) {
        List<Violation> v = new ArrayList<>();
        if (d == null) {
            throw TitleCertException.invalid("FILING_INVALID", "请求内容不能为空");
        }
        if (!notBlank(d.name())) {
            v.add(Violation.field("name", "请填写申请名称"));
        } else if (d.name().strip().length() > 200) {
            v.add(Violation.field("name", "申请名称不能超过 200 字"));
        }
        if (!notBlank(d.approvalNumber())) {
            v.add(Violation.field("approvalNumber", "请填写批复文号"));
        } else if (d.approvalNumber().strip().length() > 100) {
            v.add(Violation.field("approvalNumber", "批复文号不能超过 100 字"));
        }
        int thisYear = clock.today().getYear();
        if (d.year() == null || d.year() < 1980 || d.year() > thisYear + 1) {
            v.add(Violation.field("year", "年度应在 1980 到 " + (thisYear + 1) + " 之间"));
        }
        if (d.type() == null) {
            v.add(Violation.field("type", "请选择类型"));
        }
        CommitteeEntity committee = d.committeeId() == null ? null : em.find(CommitteeEntity.class, d.committeeId());
        if (committee == null || !caller.mayManageUnit(committee.getUnit().getId())) {
            v.add(Violation.field("committeeId", "请选择本单位的评委会"));
        }
        AuthorityEntity authority = d.issuingAuthorityId() == null ? null
                : em.find(AuthorityEntity.class, d.issuingAuthorityId());
        if (authority == null) {
            v.add(Violation.field("issuingAuthorityId", "请选择发证机关"));
        }
        if (v.isEmpty()) {
            List<Long> same = em.createQuery(
                    "SELECT f.id FROM FilingEntity f WHERE f.approvalNumber = :n", Long.class)
                    .setParameter("n", d.approvalNumber().strip()).getResultList();
            if (same.stream().anyMatch(id -> !id.equals(selfId))) {
                v.add(Violation.field("approvalNumber", "该批复文号已登记"));
            }
        }
        if (!v.isEmpty()) {
            throw TitleCertException.invalid("FILING_INVALID", v.get(0).reason(), v);
        }
        f.setDetails(d.name().strip(), d.approvalNumber().strip(), d.year(), d.type(), committee, authority);
    }

    private static Filing dto(EntityManager em, FilingEntity f) {
        return f.toDto(rosterSize(em, f));
    }

    private static long rosterSize(EntityManager em, FilingEntity f) {
        return f.rosterSize() != null ? f.rosterSize()
                : em.createQuery("SELECT COUNT(r) FROM RosterEntryEntity r WHERE r.filingId = :f", Long.class)
                        .setParameter("f", f.getId()).getSingleResult();
    }

    private static String orderBy(String sort) {
        if (!notBlank(sort)) {
            return " ORDER BY f.year DESC, f.id DESC";
        }
        boolean desc = sort.startsWith("-");
        String field = SORTABLE.get(desc ? sort.substring(1) : sort);
        if (field == null) {
            throw TitleCertException.invalid("INVALID_SORT", "不支持的排序字段：" + sort);
        }
        return " ORDER BY " + field + (desc ? " DESC" : " ASC") + ", f.id DESC";
    }

    private static void requireManager(Caller caller) {
        if (!caller.isAdmin()) {
            throw TitleCertException.forbidden("FORBIDDEN", "无权修改批复备案");
        }
    }

    private static void requireSystem(Caller caller) {
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅主管部门可以审核批复备案");
        }
    }

    private static String like(String s) {
        return "%" + s.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.clock().instant(), ZoneOffset.UTC);
    }
}
