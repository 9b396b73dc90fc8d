package org.titlecert.verification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.ResidentId;
import org.titlecert.api.SpreadsheetText;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.CertificateMatch;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.IdentifiedFile;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Validity;
import org.titlecert.certificate.Verification;
import org.titlecert.filing.TableReader;
import org.titlecert.identity.Verifier;
import org.titlecert.identity.VerifierService;
import org.titlecert.jpa.Schema;
import org.titlecert.jpa.Transactions;
import org.titlecert.verification.BatchReport;
import org.titlecert.verification.BatchResult;
import org.titlecert.verification.BatchRow;
import org.titlecert.verification.BatchVerification;
import org.titlecert.verification.CheckChannel;
import org.titlecert.verification.Verdict;
import org.titlecert.verification.VerificationService;

/**
 * 批量核验: a verifier's list or ZIP of PDFs, checked row by row against the certificates, stored as a 核验报告
 * with its own number and a QR token anyone can check at {@code /r/{token}}.
 */
@Component(service = BatchVerification.class, configurationPid = VerificationConfig.PID)
public class BatchDesk implements BatchVerification {

    private static final String[] HEADER = {"行号", "文件", "证书编号", "姓名", "身份证号（脱敏）", "核验结果", "不一致项",
            "职称", "版本", "说明"};
    private static final List<String> NUMBER = List.of("证书编号");
    private static final List<String> NAME = List.of("姓名", "持证人姓名", "持证人");
    private static final List<String> ID = List.of("身份证号", "身份证号码", "公民身份号码", "证件号码");
    private static final long MAX_PDF = 20L * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions jpa;
    private final CertificateService certificates;
    private final VerifierService verifiers;
    private final TableReader tables;
    private final AuditLog audit;
    private final VerificationDesk desk;
    private volatile VerificationConfig config;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformClock clock;

    @Activate
    public BatchDesk(@Reference(target = "(&(osgi.unit.name=titlecert-verification)" + Schema.CURRENT + ")")
                     EntityManagerFactory emf, @Reference CertificateService certificates,
                     @Reference VerifierService verifiers, @Reference TableReader tables, @Reference AuditLog audit,
                     @Reference VerificationService verification, VerificationConfig config) {
        this.jpa = new Transactions(emf);
        this.certificates = certificates;
        this.verifiers = verifiers;
        this.tables = tables;
        this.audit = audit;
        this.desk = (VerificationDesk) verification;
        this.config = config;
    }

    @Modified
    void modified(VerificationConfig c) {
        this.config = c;
    }

    @Override
    public BatchReport checkRows(Caller caller, List<BatchRow> rows) {
        Verifier verifier = verifier(caller);
        if (rows == null || rows.isEmpty()) {
            throw TitleCertException.invalid("BATCH_EMPTY", "请至少提供一行待核验的证书");
        }
        requireRows(rows.size());
        List<BatchResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BatchRow r = rows.get(i) == null ? new BatchRow(null, null, null) : rows.get(i);
            results.add(row(i + 1, r, caller, verifier));
        }
        return store(caller, verifier, results, "JSON");
    }

    @Override
    public BatchReport checkFile(Caller caller, byte[] content) {
        Verifier verifier = verifier(caller);
        if (content == null || content.length == 0) {
            throw TitleCertException.invalid("BATCH_EMPTY", "请选择要核验的文件");
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        if (zip && !isWorkbook(content)) {
            return store(caller, verifier, pdfs(content, caller, verifier), "ZIP");
        }
        TableReader.Table table = tables.read(content, config.batchMaxRows());
        int number = column(table.header(), NUMBER);
        int name = column(table.header(), NAME);
        int id = column(table.header(), ID);
        if (number < 0 || name < 0) {
            throw TitleCertException.invalid("BATCH_COLUMNS",
                    "核验名单的第一行须有“证书编号”和“姓名”两列（可再加“身份证号”列）");
        }
        if (table.rows().isEmpty()) {
            throw TitleCertException.invalid("BATCH_EMPTY", "核验名单中没有数据行");
        }
        List<BatchResult> results = new ArrayList<>(table.rows().size());
        for (TableReader.Line line : table.rows()) {
            results.add(row(line.row(), new BatchRow(line.cell(number), line.cell(name), line.cell(id)), caller,
                    verifier));
        }
        return store(caller, verifier, results, zip ? "XLSX" : "CSV");
    }

    @Override
    public Page<BatchReport> reports(Caller caller, PageRequest page) {
        long verifier = verifier(caller).id();
        return jpa.call(em -> {
            long total = em.createQuery("SELECT COUNT(b) FROM BatchEntity b WHERE b.verifierId = :v", Long.class)
                    .setParameter("v", verifier).getSingleResult();
            List<BatchReport> items = em.createQuery("SELECT b FROM BatchEntity b WHERE b.verifierId = :v "
                            + "ORDER BY b.createdAt DESC, b.id DESC", BatchEntity.class).setParameter("v", verifier)
                    .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(b -> b.toReport(List.of())).toList();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public BatchReport report(Caller caller, long id) {
        long verifier = verifier(caller).id();
        return jpa.call(em -> {
            BatchEntity b = em.find(BatchEntity.class, id);
            if (b == null || b.getVerifierId() != verifier) {
                throw TitleCertException.notFound("BATCH_NOT_FOUND", "核验报告不存在");
            }
            return b.toReport(results(em, b.getId()));
        });
    }

    @Override
    public byte[] xlsx(Caller caller, long id) {
        BatchReport r = report(caller, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "TitleCert", "1.0");
            Worksheet ws = wb.newWorksheet("核验结果");
            ws.value(0, 0, "核验报告编号 " + r.reportNumber() + "，" + r.verifierName() + "，" + TIME.format(r.createdAt()));
            for (int c = 0; c < HEADER.length; c++) {
                ws.value(1, c, HEADER[c]);
            }
            ws.range(1, 0, 1, HEADER.length - 1).style().bold().fillColor("E8F0FB").set();
            int at = 2;
            for (BatchResult x : r.results()) {
                String[] cells = {String.valueOf(x.row()), x.source(), x.certificateNumber(), x.name(),
                        x.maskedIdNumber(), x.verdict().label(), String.join("、", x.mismatched()), x.titleName(),
                        x.version() == null ? "" : String.valueOf(x.version()), x.detail()};
                for (int c = 0; c < cells.length; c++) {
                    // what a verifier typed may look like a formula to a spreadsheet: written as text
                    ws.value(at, c, cells[c] == null ? "" : SpreadsheetText.safe(cells[c]));
                }
                at++;
            }
            int[] widths = {6, 24, 22, 10, 22, 14, 12, 14, 6, 40};
            for (int c = 0; c < widths.length; c++) {
                ws.width(c, widths[c]);
            }
            ws.freezePane(0, 2);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public byte[] pdf(Caller caller, long id) {
        BatchReport r = report(caller, id);
        String link = certificates.publicBaseUrl() + "/r/" + r.token();
        try (PdfText pdf = new PdfText("电子职称证书核验报告")) {
            pdf.field("报告编号", r.reportNumber());
            pdf.field("查验单位", r.verifierName());
            pdf.field("核验时间", TIME.format(r.createdAt()));
            pdf.field("核验数量", r.rows() + " 项");
            pdf.field("核验结果", counts(r));
            pdf.heading("核验明细");
            for (BatchResult x : r.results()) {
                pdf.paragraph((x.source() == null ? "第 " + x.row() + " 行" : x.source()) + "　证书编号 "
                        + nz(x.certificateNumber()) + "　" + nz(x.name()) + (x.maskedIdNumber() == null ? ""
                        : "　" + x.maskedIdNumber()) + "：" + x.verdict().label() + (x.detail() == null ? ""
                        : "。" + x.detail()));
            }
            pdf.heading("报告查验");
            pdf.qr(link, 96, "本报告由电子职称证书平台出具。扫描二维码或访问 " + link
                    + " ，可核对本报告的编号、查验单位、时间和每项核验结果。核验结果以平台核验时的证书状态为准。");
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BatchReport> publicReport(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        return jpa.call(em -> em.createQuery("SELECT b FROM BatchEntity b WHERE b.token = :t", BatchEntity.class)
                .setParameter("t", token).getResultList().stream().findFirst().map(b -> b.toReport(
                        results(em, b.getId()).stream().map(x -> new BatchResult(x.row(), x.source(),
                                x.certificateNumber(), maskName(x.name()), x.maskedIdNumber(), x.verdict(),
                                x.mismatched(), x.titleName(), x.version(), x.detail())).toList())));
    }

    // ---- one row, one file

    private BatchResult row(int at, BatchRow r, Caller caller, Verifier verifier) {
        String number = nz(r.certificateNumber()).strip();
        String name = nz(r.name()).strip();
        String id = nz(r.idNumber()).strip().toUpperCase(Locale.ROOT);
        String masked = id.isEmpty() ? null : ResidentId.mask(id);
        if (number.isEmpty() || name.isEmpty()) {
            return new BatchResult(at, null, number, name, masked, Verdict.NOT_FOUND, List.of(), null, null,
                    number.isEmpty() ? "未填写证书编号" : "未填写姓名");
        }
        Optional<CertificateMatch> found = certificates.match(number, name, id.isEmpty() ? null : id);
        if (found.isEmpty()) {
            return new BatchResult(at, null, number, name, masked, Verdict.NOT_FOUND, List.of(), null, null,
                    "未找到该编号的电子职称证书");
        }
        Verification v = found.get().verification();
        logged(v, caller, verifier);
        List<String> differ = found.get().mismatched().stream().map(CertificateMatch.Field::label).toList();
        if (!differ.isEmpty()) {
            return new BatchResult(at, null, number, name, masked, Verdict.MISMATCH, differ, v.titleName(), v.version(),
                    String.join("、", differ) + "与证书不一致");
        }
        if (v.status() == Validity.REVOKED) {
            return new BatchResult(at, null, number, name, masked, Verdict.REVOKED, List.of(), v.titleName(),
                    v.version(), "证书已撤销" + (v.revokedReason() == null ? "" : "：" + v.revokedReason()));
        }
        return new BatchResult(at, null, number, name, masked, Verdict.MATCH, List.of(), v.titleName(), v.version(),
                id.isEmpty() ? "证书有效，姓名一致（未核对身份证号）" : "证书有效，姓名、身份证号一致");
    }

    /** Every PDF of a ZIP, recognised by its SHA-256; what is not a PDF is said so. */
    private List<BatchResult> pdfs(byte[] zip, Caller caller, Verifier verifier) {
        List<BatchResult> results = new ArrayList<>();
        long inflated = 0;
        long maxInflated = config.batchMaxInflatedMb() * 1024L * 1024L;
        // names as Windows tools write them (GBK) unless the entry says UTF-8
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "GB18030", true,
                true)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String path = e.getName();
                String file = path.substring(path.lastIndexOf('/') + 1);
                if (e.isDirectory() || path.startsWith("__MACOSX/") || file.startsWith(".") || file.isEmpty()) {
                    continue;
                }
                if (results.size() >= config.batchMaxFiles()) {
                    throw TitleCertException.tooLarge("BATCH_TOO_LARGE", "压缩包中的文件超过 "
                            + config.batchMaxFiles() + " 个，请分批核验");
                }
                byte[] data = in.readNBytes((int) MAX_PDF + 1);
                inflated += data.length;
                if (data.length > MAX_PDF || inflated > maxInflated) {
                    throw TitleCertException.tooLarge("BATCH_TOO_LARGE", "压缩包解压后过大（单个文件不超过 20 MB，合计不超过 "
                            + config.batchMaxInflatedMb() + " MB），请分批核验");
                }
                results.add(file(results.size() + 1, file, data, caller, verifier));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw TitleCertException.invalid("BATCH_MALFORMED", "压缩包无法读取，请确认文件未损坏");
        }
        if (results.isEmpty()) {
            throw TitleCertException.invalid("BATCH_EMPTY", "压缩包中没有文件");
        }
        return results;
    }

    private BatchResult file(int at, String file, byte[] data, Caller caller, Verifier verifier) {
        if (!file.toLowerCase(Locale.ROOT).endsWith(".pdf") || data.length < 5
                || !new String(data, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return new BatchResult(at, file, null, null, null, Verdict.NOT_FOUND, List.of(), null, null,
                    "不是 PDF 文件，未核验");
        }
        Optional<IdentifiedFile> found = certificates.identify(data);
        if (found.isEmpty()) {
            return new BatchResult(at, file, null, null, null, Verdict.NOT_FOUND, List.of(), null, null,
                    "不是本平台签发的电子证书文件，或文件已被改动");
        }
        Verification v = found.get().verification();
        PdfCheck check = found.get().check();
        logged(v, caller, verifier);
        if (check.outcome() == PdfCheck.Outcome.SUPERSEDED) {
            return new BatchResult(at, file, v.certificateNumber(), v.name(), v.maskedIdNumber(), Verdict.SUPERSEDED,
                    List.of(), v.titleName(), check.matchedVersion(), "此文件为第 " + check.matchedVersion()
                    + " 版，证书" + (check.corrected() ? "已更正，" : "已重新签发，") + "当前为第 " + check.currentVersion()
                    + " 版" + (v.status() == Validity.REVOKED ? "，且已撤销" : ""));
        }
        if (v.status() == Validity.REVOKED) {
            return new BatchResult(at, file, v.certificateNumber(), v.name(), v.maskedIdNumber(), Verdict.REVOKED,
                    List.of(), v.titleName(), check.matchedVersion(), "证书已撤销" + (v.revokedReason() == null ? ""
                    : "：" + v.revokedReason()));
        }
        return new BatchResult(at, file, v.certificateNumber(), v.name(), v.maskedIdNumber(), Verdict.MATCH,
                List.of(), v.titleName(), check.matchedVersion(), "本平台签发的当前版本，证书有效");
    }

    // ---- storing

    private BatchReport store(Caller caller, Verifier verifier, List<BatchResult> results, String kind) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.clock().instant();
        BatchReport report = jpa.call(em -> {
            BatchEntity b = new BatchEntity(token, verifier.id(), verifier.name(), caller.principal(), now, results);
            em.persist(b);
            em.flush();
            b.number();
            for (int i = 0; i < results.size(); i++) {
                em.persist(new BatchRowEntity(b.getId(), i, results.get(i)));
            }
            return b.toReport(results);
        });
        audit.record(caller, "BATCH_VERIFY", "batch:" + report.id(), Outcome.SUCCESS, report.reportNumber() + " "
                + kind + " " + results.size() + " 项：" + counts(report));
        return report;
    }

    private static List<BatchResult> results(EntityManager em, long batch) {
        return em.createQuery("SELECT r FROM BatchRowEntity r WHERE r.batchId = :b ORDER BY r.position",
                BatchRowEntity.class).setParameter("b", batch).getResultList().stream()
                .map(BatchRowEntity::toResult).toList();
    }

    // ---- helpers

    private void logged(Verification v, Caller caller, Verifier verifier) {
        desk.logged(v, caller.scopes().isEmpty() ? CheckChannel.BATCH : CheckChannel.API, verifier.name(),
                verifier.id());
    }

    private Verifier verifier(Caller caller) {
        return verifiers.of(caller).orElseThrow(() -> TitleCertException.forbidden("VERIFIERS_ONLY",
                "批量核验仅限已审核的查验单位使用"));
    }

    private void requireRows(int rows) {
        if (rows > config.batchMaxRows()) {
            throw TitleCertException.tooLarge("BATCH_TOO_LARGE", "一次最多核验 " + config.batchMaxRows() + " 行，请分批核验");
        }
    }

    /** An XLSX is a ZIP with the OOXML content types at its root; a ZIP of PDFs is not. */
    private static boolean isWorkbook(byte[] zip) {
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "UTF-8", true,
                true)) {
            for (ZipArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("[Content_Types].xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static int column(List<String> header, List<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).replace(" ", "").replace("\u3000", "").replace("*", ""))) {
                return i;
            }
        }
        return -1;
    }

    static String counts(BatchReport r) {
        return java.util.Arrays.stream(Verdict.values()).filter(v -> r.counts().getOrDefault(v, 0) > 0)
                .map(v -> v.label() + " " + r.counts().get(v)).collect(Collectors.joining("，"));
    }

    private static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
