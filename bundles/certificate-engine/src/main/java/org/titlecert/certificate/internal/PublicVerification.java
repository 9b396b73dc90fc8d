package org.titlecert.certificate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.titlecert.api.RateLimiter;
import org.titlecert.api.SharedCounts;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.CertificateMatch;
import org.titlecert.certificate.CertificateVersion;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.VersionReason;
import org.titlecert.certificate.IdentifiedFile;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Verification;
import org.titlecert.jpa.Transactions;
import org.titlecert.seal.SealReport;
import org.titlecert.seal.SealVerifier;
import org.titlecert.store.ContentStore;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public verification: the page a QR code opens (扫码验证) and the check of an uploaded PDF (核验文件). Each is
 * limited per client over all nodes; a hot token's answer is kept a few seconds and forgotten the moment its
 * certificate changes; PDF checks run a bounded number at a time.
 */
final class PublicVerification {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final long CACHE_SIZE = 100_000;

    private final Transactions jpa;
    private final EngineConfig config;
    private final EngineMetrics metrics;
    private final Supplier<SealVerifier> verifier;
    private final Supplier<SealVerifier> ofdVerifier;
    private final Credentials credentials;
    private final RateLimiter limiter;
    private final RateLimiter checkLimiter;
    /** The public answers of hot tokens; dropped when their certificate changes. */
    private final LoadingCache<String, Verification> answers;
    private final Semaphore checks;
    private final ChangeFeed feed;

    /**
     * @param feed the changes shared with the other nodes of the database, or {@code null} where this is the only
     *             node (embedded Derby)
     */
    PublicVerification(Transactions jpa, EngineConfig config, EngineMetrics metrics, Supplier<SharedCounts> shared,
                       Supplier<SealVerifier> verifier, Supplier<SealVerifier> ofdVerifier, Credentials credentials,
                       ChangeFeed feed) {
        this.feed = feed;
        this.credentials = credentials;
        this.jpa = jpa;
        this.config = config;
        this.metrics = metrics;
        this.verifier = verifier;
        this.ofdVerifier = ofdVerifier;
        this.limiter = new RateLimiter("verify", config.verifyPerMinute(), config.verifyBurst(), shared);
        this.checkLimiter = new RateLimiter("check", config.checkPerMinute(), 0, shared);
        // an answer is dropped the moment its certificate changes, on this node at once and on the others within
        // about a second (the change feed); the time kept only bounds an answer a lost change could leave. A token
        // asked for again in the second half of that time is read afresh in the background while the answer is
        // given: a hot token never waits for the database
        Duration kept = Duration.ofSeconds(Math.max(1, config.verifyCacheSeconds()));
        this.answers = Caffeine.newBuilder().maximumSize(config.verifyCacheSeconds() > 0 ? CACHE_SIZE : 0)
                .expireAfterWrite(kept).refreshAfterWrite(kept.dividedBy(2))
                .build(this::answer);
        this.checks = new Semaphore(Math.max(1, config.checkConcurrency()));
    }

    /**
     * After a change is committed: an answer read before it is dropped, one read after it is already the new one; the
     * other nodes are told at the next {@link #shareChanges()}.
     */
    void forget(Collection<String> tokens) {
        answers.invalidateAll(tokens);
        if (feed != null) {
            feed.publish(tokens);
        }
    }

    /** Tells the other nodes what this one changed, and drops the answers they changed; called every second. */
    void shareChanges() {
        if (feed != null) {
            List<String> theirs = feed.exchange();
            if (!theirs.isEmpty()) {
                answers.invalidateAll(theirs);
                credentials.forgetStatus();
            }
        }
    }

    /** Adds this node's counts to the shared ones; called every second. */
    void flushCounts() {
        limiter.flush();
        checkLimiter.flush();
    }

    Verification verify(String token, String clientAddress) {
        int wait = limiter.acquire(clientAddress, System.nanoTime());
        if (wait > 0) {
            metrics.refusals.inc("verify");
            throw TitleCertException.tooMany("VERIFY_RATE_LIMITED", "查询过于频繁，请 " + wait + " 秒后再试", wait);
        }
        try {
            // a malformed token never reaches the cache, nor the database
            Verification v = TOKEN.matcher(token == null ? "" : token).matches()
                    ? answers.get(token, this::answer) : answer(token);
            metrics.verifications.inc("page", v.status().name());
            return v;
        } catch (TitleCertException e) {
            metrics.verifications.inc("page", "NOT_FOUND");
            throw e;
        }
    }

    PdfCheck check(String token, InputStream pdf, String clientAddress) {
        int wait = checkLimiter.acquire(clientAddress, System.nanoTime());
        if (wait > 0) {
            metrics.refusals.inc("check");
            throw TitleCertException.tooMany("CHECK_RATE_LIMITED", "核验文件过于频繁，请 " + wait + " 秒后再试", wait);
        }
        CertificateEntity c = byToken(token);
        long max = config.maxCheckMb() * 1024L * 1024L;
        byte[] data;
        try {
            data = pdf.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw TitleCertException.invalid("PDF_UNREADABLE", "文件读取失败，请重新上传");
        }
        if (data.length > max) {
            throw TitleCertException.tooLarge("PDF_TOO_LARGE", "文件超过 " + config.maxCheckMb() + " MB");
        }
        if (data.length == 0) {
            throw TitleCertException.invalid("PDF_EMPTY", "请选择要核验的证书文件");
        }
        if (!checks.tryAcquire()) {
            throw TitleCertException.busy("CHECK_BUSY", "核验服务繁忙，请稍后再试", 5);
        }
        Kind kind = isOfd(data) ? Kind.OFD : Credentials.looksLikeJws(data) ? Kind.CREDENTIAL : Kind.PDF;
        String sha;
        SealReport report;
        try {
            if (kind == Kind.CREDENTIAL) {
                String jws = new String(data, java.nio.charset.StandardCharsets.US_ASCII).strip();
                data = jws.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                report = credentials.check(jws);
            } else {
                report = kind == Kind.OFD ? ofdSeals(data) : verifier.get().verify(data);
            }
            sha = ContentStore.sha256(data);
        } finally {
            checks.release();
        }
        PdfCheck result;
        if (kind == Kind.PDF && sha.equals(c.getSha256()) || kind == Kind.OFD && sha.equals(c.getOfdSha256())) {
            result = new PdfCheck(PdfCheck.Outcome.CURRENT, c.getVersion(), c.getVersion(), report, false);
        } else {
            List<CertificateVersion> versions = jpa.call(em -> Versions.of(em, c.getId()));
            int found = kind == Kind.PDF ? versions.stream().filter(v -> sha.equals(v.sha256()))
                    .mapToInt(CertificateVersion::version).findFirst().orElse(0)
                    : jpa.call(em -> em.createQuery("SELECT v.version FROM CertificateVersionEntity v WHERE "
                            + "v.certificateId = :c AND v." + kind.shaField + " = :s", Integer.class)
                    .setParameter("c", c.getId()).setParameter("s", sha).getResultList()).stream().findFirst().orElse(0);
            boolean corrected = versions.stream()
                    .anyMatch(v -> v.version() > found && v.reason() == VersionReason.CORRECTED);
            // a credential whose signature does not hold is not genuine, whatever its digest
            boolean genuine = found > 0 && (kind != Kind.CREDENTIAL || report.genuine());
            result = !genuine ? new PdfCheck(PdfCheck.Outcome.NOT_GENUINE, 0, c.getVersion(), report, false)
                    : found == c.getVersion() ? new PdfCheck(PdfCheck.Outcome.CURRENT, found, c.getVersion(), report, false)
                    : new PdfCheck(PdfCheck.Outcome.SUPERSEDED, found, c.getVersion(), report, corrected);
        }
        metrics.verifications.inc("check", result.outcome().name());
        return result;
    }

    /** What a checked file is, and the column of its digest in every version. */
    private enum Kind {
        PDF("sha256"), OFD("ofdSha256"), CREDENTIAL("credentialSha256");

        final String shaField;

        Kind(String shaField) {
            this.shaField = shaField;
        }
    }

    /** An OFD is a ZIP package; a PDF starts with {@code %PDF}. */
    static boolean isOfd(byte[] data) {
        return data.length > 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
    }

    /** The OFD's SM2 seals checked, or why they cannot be (the SM2 seal feature is not installed). */
    private SealReport ofdSeals(byte[] data) {
        SealVerifier v = ofdVerifier.get();
        return v != null ? v.verify(data) : new SealReport(List.of(new org.titlecert.seal.SealCheck(null, null, false,
                false, false, "本平台未安装 OFD 电子签章核验（titlecert-seal-sm2），无法核验 OFD 的电子签章")), false);
    }

    /** The certificate a file is a version of, by its SHA-256 over every version; seals checked. */
    Optional<IdentifiedFile> identify(byte[] data) {
        String sha = ContentStore.sha256(data);
        Optional<Long> certificate = jpa.call(em -> em.createQuery("SELECT v.certificateId FROM "
                + "CertificateVersionEntity v WHERE v.sha256 = :s", Long.class).setParameter("s", sha)
                .setMaxResults(1).getResultList()).stream().findFirst();
        if (certificate.isEmpty()) {
            metrics.verifications.inc("identify", PdfCheck.Outcome.NOT_GENUINE.name());
            return Optional.empty();
        }
        CertificateEntity c = jpa.call(em -> em.find(CertificateEntity.class, certificate.get()));
        List<CertificateVersion> versions = jpa.call(em -> Versions.of(em, c.getId()));
        int version = versions.stream().filter(v -> sha.equals(v.sha256())).mapToInt(CertificateVersion::version)
                .findFirst().orElse(0);
        SealReport report;
        try {
            checks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TitleCertException.busy("CHECK_BUSY", "核验服务繁忙，请稍后再试", 5);
        }
        try {
            report = verifier.get().verify(data);
        } finally {
            checks.release();
        }
        boolean current = sha.equals(c.getSha256());
        boolean corrected = versions.stream().anyMatch(v -> v.version() > version && v.reason() == VersionReason.CORRECTED);
        PdfCheck check = new PdfCheck(current ? PdfCheck.Outcome.CURRENT : PdfCheck.Outcome.SUPERSEDED, version,
                c.getVersion(), report, !current && corrected);
        metrics.verifications.inc("identify", check.outcome().name());
        return Optional.of(new IdentifiedFile(answers.get(c.getToken(), t -> c.toVerification(versions)), check));
    }

    /** What {@link #verify} answers, not counted against any limit. */
    Optional<Verification> record(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(answers.get(token, this::answer));
        } catch (TitleCertException notFound) {
            return Optional.empty();
        }
    }

    /** The issued certificate with this number, compared with a name and an ID number (when given). */
    Optional<CertificateMatch> match(String number, String name, String idNumber, LongFunction<String> idOf) {
        String wanted = Names.comparable(number);
        if (wanted.isEmpty() || wanted.length() > 64) {
            return Optional.empty();
        }
        Optional<CertificateEntity> found = jpa.call(em -> em.createQuery(
                        "SELECT c FROM CertificateEntity c WHERE c.number = :n", CertificateEntity.class)
                .setParameter("n", wanted).getResultList()).stream().filter(c -> c.getVersion() > 0).findFirst();
        return found.map(c -> {
            Set<CertificateMatch.Field> mismatched = EnumSet.noneOf(CertificateMatch.Field.class);
            if (!Names.comparable(c.getPersonName()).equals(Names.comparable(name))) {
                mismatched.add(CertificateMatch.Field.NAME);
            }
            if (idNumber != null && !Names.comparable(idOf.apply(c.getRosterEntryId())).toUpperCase(Locale.ROOT)
                    .equals(Names.comparable(idNumber).toUpperCase(Locale.ROOT))) {
                mismatched.add(CertificateMatch.Field.ID_NUMBER);
            }
            Verification v = answers.get(c.getToken(), t -> c.toVerification(jpa.call(em -> Versions.of(em, c.getId()))));
            return new CertificateMatch(v, mismatched);
        });
    }

    private Verification answer(String token) {
        CertificateEntity c = byToken(token);
        return c.toVerification(jpa.call(em -> Versions.of(em, c.getId())));
    }

    /** A certificate by its QR token; unknown and malformed tokens are answered alike. */
    private CertificateEntity byToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "未找到该证书");
        }
        return jpa.call(em -> em.createQuery("SELECT c FROM CertificateEntity c WHERE c.token = :t",
                        CertificateEntity.class).setParameter("t", token).getResultList()).stream()
                .filter(c -> c.getStatus() == GenerationStatus.GENERATED || c.getVersion() > 0).findFirst()
                .orElseThrow(() -> TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "未找到该证书"));
    }
}
