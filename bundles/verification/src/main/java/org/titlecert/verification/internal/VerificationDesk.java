package org.titlecert.verification.internal;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.RateLimiter;
import org.titlecert.api.Role;
import org.titlecert.api.SharedCounts;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Verification;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Verifier;
import org.titlecert.identity.VerifierService;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;
import org.titlecert.metrics.Metrics;
import org.titlecert.verification.CheckChannel;
import org.titlecert.verification.CheckRecord;
import org.titlecert.verification.NewShareCode;
import org.titlecert.verification.ShareCode;
import org.titlecert.verification.SharedRecord;
import org.titlecert.verification.VerificationService;

/**
 * Verification as employers and holders use it: QR and file checks, lookups by number and name, the holders'
 * 查验记录 and share codes. The certificate engine answers; this records who was checked and how.
 */
@Component(service = VerificationService.class, configurationPid = VerificationConfig.PID)
@Designate(ocd = VerificationConfig.class)
public class VerificationDesk implements VerificationService {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationDesk.class);

    private final Transactions jpa;
    private final CertificateService certificates;
    private final FilingService filings;
    private final IdentityService identity;
    private final VerifierService verifiers;
    private final AuditLog audit;
    private final VerificationConfig config;
    private final CheckLog log;
    private final RateLimiter lookups;
    private final RateLimiter shareUses;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "titlecert-verification-counts");
        t.setDaemon(true);
        return t;
    });

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformClock clock;

    /** The database's counts, which make the per-client limits hold across nodes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SharedCounts sharedCounts;

    @Activate
    public VerificationDesk(@Reference(target = "(&(osgi.unit.name=titlecert-verification)" + Schema.CURRENT + ")")
                            EntityManagerFactory emf, @Reference CertificateService certificates,
                            @Reference FilingService filings, @Reference IdentityService identity,
                            @Reference VerifierService verifiers, @Reference AuditLog audit,
                            @Reference Metrics metrics, VerificationConfig config) {
        this.verifiers = verifiers;
        this.jpa = new Transactions(emf);
        this.certificates = certificates;
        this.filings = filings;
        this.identity = identity;
        this.audit = audit;
        this.config = config;
        this.log = new CheckLog(jpa, config.logBuffer(), metrics);
        this.lookups = new RateLimiter("lookup", config.lookupPerMinute(), 0, () -> sharedCounts);
        this.shareUses = new RateLimiter("share-code", config.shareCodePerMinute(), 0, () -> sharedCounts);
        flusher.scheduleWithFixedDelay(() -> {
            try {
                lookups.flush();
                shareUses.flush();
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again: this one must outlive a database outage
                LOG.debug("Rate counts not shared this second", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        flusher.shutdown();
        log.stop();
    }

    // ---- checks

    @Override
    public Verification byToken(String token, String address) {
        Verification v = certificates.verify(token, address);
        logged(v, CheckChannel.QR, null, null);
        return v;
    }

    @Override
    public PdfCheck checkFile(String token, InputStream pdf, String address) {
        PdfCheck check = certificates.check(token, pdf, address);
        certificates.publicRecord(token).ifPresent(v -> logged(v, CheckChannel.FILE, null, null));
        return check;
    }

    @Override
    public Verification lookup(Caller caller, String certificateNumber, String name, String captchaId,
                               String captchaAnswer, String address) {
        limit(lookups, address, wait -> TitleCertException.tooMany("LOOKUP_RATE_LIMITED",
                "查询过于频繁，请 " + wait + " 秒后再试", wait));
        List<Violation> missing = new ArrayList<>();
        if (certificateNumber == null || certificateNumber.isBlank()) {
            missing.add(Violation.field("certificateNumber", "请输入证书编号"));
        }
        if (name == null || name.isBlank()) {
            missing.add(Violation.field("name", "请输入持证人姓名"));
        }
        if (!missing.isEmpty()) {
            throw TitleCertException.invalid("LOOKUP_INCOMPLETE", missing.get(0).reason(), missing);
        }
        if (!identity.solveCaptcha(captchaId, captchaAnswer)) {
            throw TitleCertException.invalid("CAPTCHA_INVALID", "验证码错误，请重新输入",
                    List.of(Violation.field("captcha", "验证码错误")));
        }
        Verification v = certificates.match(certificateNumber, name, null).filter(m -> m.mismatched().isEmpty())
                .orElseThrow(() -> TitleCertException.notFound("CERTIFICATE_NOT_FOUND",
                        "未找到与该证书编号和姓名相符的证书，请核对后重试")).verification();
        Verifier by = verifiers.of(caller).orElse(null);
        logged(v, CheckChannel.LOOKUP, by == null ? null : by.name(), by == null ? null : by.id());
        return v;
    }

    /** Records a check of {@code v} for its holder's 查验记录, off the request's path. */
    void logged(Verification v, CheckChannel channel, String organization, Long verifierId) {
        log.record(new CheckRecord(now(), v.certificateNumber(), v.titleName(), channel, organization), verifierId);
    }

    @Override
    public Page<CheckRecord> verifierChecks(Caller caller, PageRequest page) {
        long verifier = verifiers.of(caller).orElseThrow(() -> TitleCertException.forbidden("VERIFIERS_ONLY",
                "仅限查验单位使用")).id();
        return jpa.call(em -> {
            long total = em.createQuery("SELECT COUNT(c) FROM CheckEntity c WHERE c.verifierId = :v", Long.class)
                    .setParameter("v", verifier).getSingleResult();
            List<CheckRecord> items = em.createQuery("SELECT c FROM CheckEntity c WHERE c.verifierId = :v "
                            + "ORDER BY c.checkedAt DESC, c.id DESC", CheckEntity.class).setParameter("v", verifier)
                    .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(CheckEntity::toRecord).toList();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public Page<CheckRecord> checks(Caller holder, PageRequest page) {
        List<String> numbers = issued(holder).stream().map(Certificate::certificateNumber).toList();
        if (numbers.isEmpty()) {
            return new Page<>(List.of(), 0, page.page(), page.size());
        }
        // by the number index (every check of every certificate is in this table), then the rows by their keys
        List<String> in = Sql.inList(numbers);
        String where = " FROM TC_CHECK" + Sql.index("TC_CHECK_BY_NUMBER") + " WHERE CERT_NUMBER IN ("
                + Sql.marks(in.size()) + ")";
        List<Object> paged = new ArrayList<>(in);
        paged.addAll(List.of(page.offset(), page.size()));
        return jpa.call(em -> {
            long total = ((Number) Sql.rows(em, "SELECT COUNT(*)" + where, in).get(0)[0]).longValue();
            List<Long> ids = Sql.rows(em, "SELECT ID" + where + " ORDER BY CHECKED_AT DESC, ID DESC "
                    + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", paged).stream().map(r -> ((Number) r[0]).longValue()).toList();
            Map<Long, CheckEntity> rows = ids.isEmpty() ? Map.of() : em.createQuery("SELECT c FROM CheckEntity c "
                            + "WHERE c.id IN :ids", CheckEntity.class).setParameter("ids", Sql.inList(ids)).getResultList()
                    .stream().collect(Collectors.toMap(CheckEntity::getId, c -> c));
            return new Page<>(ids.stream().map(rows::get).map(CheckEntity::toRecord).toList(), total, page.page(),
                    page.size());
        });
    }

    /** The holder's issued certificates; an admin or a key has none. */
    private List<Certificate> issued(Caller holder) {
        if (holder.role() != Role.INDIVIDUAL) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅限持证人本人使用");
        }
        return certificates.mine(holder).stream().filter(c -> c.version() > 0 && c.certificateNumber() != null)
                .toList();
    }

    // ---- share codes

    @Override
    public List<ShareCode> shareCodes(Caller holder) {
        if (holder.role() != Role.INDIVIDUAL) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅限持证人本人使用");
        }
        if (holder.personId() == null) {
            return List.of();
        }
        Instant now = now();
        return jpa.call(em -> em.createQuery("SELECT s FROM ShareCodeEntity s WHERE s.personId = :p "
                        + "ORDER BY s.createdAt DESC, s.id DESC", ShareCodeEntity.class)
                .setParameter("p", holder.personId()).setMaxResults(100).getResultList().stream()
                .map(s -> s.toShareCode(now)).toList());
    }

    @Override
    public NewShareCode createShareCode(Caller holder, int days, String verifierCreditCode) {
        if (issued(holder).isEmpty()) {
            throw TitleCertException.conflict("NO_CERTIFICATES", "您还没有已生成的电子职称证书，暂不能生成授权码");
        }
        if (days < 1 || days > 30) {
            throw TitleCertException.invalid("SHARE_DAYS_INVALID", "授权码有效期为 1 至 30 天",
                    List.of(Violation.field("days", "有效期为 1 至 30 天")));
        }
        Verifier only = null;
        if (verifierCreditCode != null && !verifierCreditCode.isBlank()) {
            only = verifiers.approved(verifierCreditCode).orElseThrow(() -> TitleCertException.invalid(
                    "SHARE_VERIFIER_UNKNOWN", "未找到该统一社会信用代码的已审核查验单位，请向对方核实",
                    List.of(Violation.field("verifierCreditCode", "未找到该统一社会信用代码的已审核查验单位"))));
        }
        Verifier forVerifier = only;
        Instant now = now();
        String code = ShareCodes.newCode();
        String canonical = ShareCodes.canonical(code);
        ShareCodeEntity made = jpa.call(em -> {
            long active = em.createQuery("SELECT COUNT(s) FROM ShareCodeEntity s WHERE s.personId = :p "
                            + "AND s.withdrawnAt IS NULL AND s.expiresAt > :now", Long.class)
                    .setParameter("p", holder.personId())
                    .setParameter("now", java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .getSingleResult();
            if (active >= config.maxActiveShareCodes()) {
                throw TitleCertException.conflict("SHARE_CODE_LIMIT", "有效的授权码已有 " + active
                        + " 个，请先撤回不再需要的授权码");
            }
            ShareCodeEntity s = new ShareCodeEntity(ShareCodes.hash(canonical), ShareCodes.hint(canonical), holder,
                    now, now.plus(Duration.ofDays(days)), forVerifier);
            em.persist(s);
            return s;
        });
        audit.record(holder, "SHARE_CODE_CREATE", "share-code:" + made.getId(), Outcome.SUCCESS,
                "有效期 " + days + " 天" + (only == null ? "" : "，仅限" + only.name()));
        return new NewShareCode(code, made.toShareCode(now));
    }

    @Override
    public ShareCode withdrawShareCode(Caller holder, long id) {
        if (holder.role() != Role.INDIVIDUAL || holder.personId() == null) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅限持证人本人使用");
        }
        Instant now = now();
        ShareCode withdrawn = jpa.call(em -> {
            ShareCodeEntity s = em.find(ShareCodeEntity.class, id);
            if (s == null || s.getPersonId() != holder.personId()) {
                throw TitleCertException.notFound("SHARE_CODE_NOT_FOUND", "授权码不存在");
            }
            s.withdraw(now);
            return s.toShareCode(now);
        });
        audit.record(holder, "SHARE_CODE_WITHDRAW", "share-code:" + id, Outcome.SUCCESS, null);
        return withdrawn;
    }

    @Override
    public SharedRecord useShareCode(Caller caller, String code, String address) {
        limit(shareUses, address, wait -> TitleCertException.tooMany("SHARE_CODE_RATE_LIMITED",
                "授权码查验过于频繁，请 " + wait + " 秒后再试", wait));
        TitleCertException invalid = TitleCertException.notFound("SHARE_CODE_INVALID",
                "授权码无效、已过期、已被持证人撤回，或仅限指定的查验单位登录后使用");
        String canonical = ShareCodes.canonical(code);
        if (canonical == null) {
            // what cannot be a code says so: it tells nothing of which codes exist
            throw TitleCertException.invalid("SHARE_CODE_MALFORMED", "授权码应为 12 位字母和数字，如 K7QP-M3XZ-9HTF",
                    List.of(Violation.field("code", "授权码格式不正确")));
        }
        Instant now = now();
        Verifier by = verifiers.of(caller).orElse(null);
        Long verifierId = by == null ? null : by.id();
        ShareCodeEntity s = jpa.call(em -> em.createQuery("SELECT s FROM ShareCodeEntity s WHERE s.codeHash = :h",
                ShareCodeEntity.class).setParameter("h", ShareCodes.hash(canonical)).getResultList().stream().findFirst()
                .filter(found -> found.status(now) == ShareCode.Status.ACTIVE && found.openTo(verifierId)).map(found -> {
                    found.used(now);
                    return found;
                }).orElse(null));
        if (s == null) {
            throw invalid;
        }
        Caller holder = s.holder(address);
        List<Certificate> issued = issued(holder);
        Map<Long, PersonTitle> titles = filings.titles(holder, s.getPersonId()).stream()
                .collect(Collectors.toMap(PersonTitle::rosterEntryId, Function.identity(), (a, b) -> a));
        List<SharedRecord.SharedTitle> shown = new ArrayList<>();
        PersonTitle person = null;
        for (Certificate c : issued) {
            PersonTitle t = titles.get(c.rosterEntryId());
            if (t == null) {
                continue;
            }
            person = t;
            shown.add(new SharedRecord.SharedTitle(c.certificateNumber(), t.titleName(), t.level(), t.series(),
                    t.specialty(), t.employer(), t.committee() == null ? null : t.committee().name(),
                    t.issuingAuthority() == null ? null : t.issuingAuthority().name(), t.qualificationDate(),
                    t.issueDate(), c.validity(), c.revokedReason(), c.version()));
            log.record(new CheckRecord(now, c.certificateNumber(), c.titleName(), CheckChannel.SHARE_CODE,
                    by == null ? null : by.name()), verifierId);
        }
        if (person == null) {
            throw invalid;
        }
        String used = shown.size() + " 本证书";
        if (by == null) {
            audit.recordAnonymous("share-code", address, "SHARE_CODE_USE", "share-code:" + s.getId(), Outcome.SUCCESS,
                    used);
        } else {
            audit.record(caller, "SHARE_CODE_USE", "share-code:" + s.getId(), Outcome.SUCCESS, by.name() + " " + used);
        }
        return new SharedRecord(person.name(), person.idNumber(), person.gender(), person.birthDate(),
                s.toShareCode(now).expiresAt(), shown);
    }

    @Override
    public void eraseMine(Caller holder) {
        List<String> numbers = issued(holder).stream().map(Certificate::certificateNumber).toList();
        if (holder.personId() == null) {
            return;
        }
        jpa.run(em -> {
            em.createQuery("DELETE FROM ShareCodeEntity s WHERE s.personId = :p").setParameter("p", holder.personId())
                    .executeUpdate();
            if (!numbers.isEmpty()) {
                em.createQuery("DELETE FROM CheckEntity c WHERE c.certificateNumber IN :n").setParameter("n", numbers)
                        .executeUpdate();
            }
        });
    }

    private static void limit(RateLimiter limiter, String address, IntFunction<TitleCertException> refusal) {
        int wait = limiter.acquire(address == null ? "" : address, System.nanoTime());
        if (wait > 0) {
            throw refusal.apply(wait);
        }
    }

    private Instant now() {
        return clock.clock().instant();
    }
}
