package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.titlecert.client.ApiClient;
import org.titlecert.client.ApiException;
import org.titlecert.client.ApiResponse;
import org.titlecert.client.api.CertificatesApi;
import org.titlecert.client.api.CorrectionsApi;
import org.titlecert.client.api.FilingsApi;
import org.titlecert.client.api.OrganizationsApi;
import org.titlecert.client.api.PersonsApi;
import org.titlecert.client.api.VerificationApi;
import org.titlecert.client.model.ApiError;
import org.titlecert.client.model.Approval;
import org.titlecert.client.model.Certificate;
import org.titlecert.client.model.CertificateVersion;
import org.titlecert.client.model.CorrectedField;
import org.titlecert.client.model.Correction;
import org.titlecert.client.model.CorrectionReason;
import org.titlecert.client.model.CorrectionRequest;
import org.titlecert.client.model.CorrectionStatus;
import org.titlecert.client.model.Decision;
import org.titlecert.client.model.FieldChange;
import org.titlecert.client.model.DocumentInfo;
import org.titlecert.client.model.ExportRequest;
import org.titlecert.client.model.Filing;
import org.titlecert.client.model.FilingDraft;
import org.titlecert.client.model.FilingStatus;
import org.titlecert.client.model.FilingType;
import org.titlecert.client.model.GenerationStatus;
import org.titlecert.client.model.ImportMode;
import org.titlecert.client.model.ImportReport;
import org.titlecert.client.model.ImportedPhoto;
import org.titlecert.client.model.PdfCheck;
import org.titlecert.client.model.PdfCheckOutcome;
import org.titlecert.client.model.Revocation;
import org.titlecert.client.model.RevocationReason;
import org.titlecert.client.model.Validity;
import org.titlecert.client.model.Verification;
import org.titlecert.client.model.VersionReason;
import org.titlecert.photo.internal.Images;

/**
 * The integrator's journey through a client generated from the built {@code openapi.json} (openapi-generator,
 * java, native) and nothing else: no hand-written HTTP. If the client cannot do something, the document is
 * wrong: fix the document or the resource, never this test.
 */
class GeneratedClientIT {

    private static final int OFFSET = 7700;

    private static Platform platform;
    private static ApiClient unit;
    private static ApiClient otherUnit;
    private static ApiClient system;
    private static ApiClient anonymous;

    @TempDir
    static Path files;

    @BeforeAll
    static void boot() {
        platform = Platform.shared();
        unit = client(platform.accounts().of("unitapi", "AHCZ").secret());
        otherUnit = client(platform.accounts().of("unitapi", "HFRS").secret());
        system = client(platform.accounts().first("sysapi").secret());
        anonymous = client(null);
    }

    private static ApiClient client(String key) {
        ApiClient c = new ApiClient();
        c.updateBaseUri(platform.url("/api/v1"));
        if (key != null) {
            c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + key));
        }
        return c;
    }

    private static File file(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content).toFile();
    }

    private static ApiError error(ApiClient client, ApiException e) throws IOException {
        return client.getObjectMapper().readValue(e.getResponseBody(), ApiError.class);
    }

    @Test
    void anIntegratorRunsAFilingFromCreationToRevocationWithTheGeneratedClientAlone() throws Exception {
        FilingsApi filings = new FilingsApi(unit);
        OrganizationsApi organizations = new OrganizationsApi(unit);
        long committee = organizations.listCommittees().stream().filter(c -> "AHKJGP".equals(c.getCode()))
                .findFirst().orElseThrow().getId();
        long authority = organizations.listIssuingAuthorities().stream().filter(a -> "AHRS".equals(a.getCode()))
                .findFirst().orElseThrow().getId();

        // 1. create a filing; the id comes back in the body, the URL in Location, as the caller called it
        ApiResponse<Filing> created = filings.createFilingWithHttpInfo(new FilingDraft().name("生成客户端联调")
                .approvalNumber(TestFixtures.uniqueNumber("皖职改办")).year(2024).type(FilingType.REVIEW)
                .committeeId(committee).issuingAuthorityId(authority));
        assertThat(created.getStatusCode()).isEqualTo(201);
        long id = created.getData().getId();
        assertThat(created.getData().getStatus()).isEqualTo(FilingStatus.PENDING);
        assertThat(created.getHeaders().get("Location")).containsExactly(platform.url("/api/v1/filings/" + id));

        // 2. a GBK CSV roster, then an XLSX one merged into it
        List<String> csvRows = TestFixtures.rows(3, OFFSET);
        ImportReport csv = filings.importRoster(id, file("名单.csv",
                (TestFixtures.HEADER + String.join("", csvRows)).getBytes(Charset.forName("GBK"))), ImportMode.REPLACE);
        assertThat(csv.getEncoding()).isEqualTo("GBK");
        assertThat(csv.getInserted()).isEqualTo(3);
        List<String> xlsxRows = TestFixtures.rows(2, OFFSET + 3);
        ImportReport xlsx = filings.importRoster(id, file("名单.xlsx", xlsx(xlsxRows)), ImportMode.MERGE);
        assertThat(xlsx.getFormat()).isEqualTo("XLSX");
        assertThat(xlsx.getInserted()).isEqualTo(2);
        assertThat(filings.listRoster(id, 1, 20).getTotal()).isEqualTo(5);

        // 3. the approval document
        byte[] pdf = TestFixtures.pdf();
        DocumentInfo doc = filings.uploadApprovalDocument(id, file("批复文件.pdf", pdf), "批复文件.pdf");
        assertThat(doc.getSha256()).isEqualTo(sha256(pdf));
        assertThat(doc.getFilename()).isEqualTo("批复文件.pdf");

        // 4. approved with a system key
        Filing approved = new FilingsApi(system).approveFiling(id, new Approval().approvalDate(LocalDate.of(2024, 12, 2)));
        assertThat(approved.getStatus()).isEqualTo(FilingStatus.APPROVED);
        assertThat(approved.getApprovalDate()).isEqualTo(LocalDate.of(2024, 12, 2));

        // 5. the photos as a ZIP named by ID number
        List<String> idNumbers = java.util.stream.Stream.concat(csvRows.stream(), xlsxRows.stream())
                .map(r -> r.split(",")[1]).toList();
        byte[] photo = Images.jpeg(Images.halves(600, 840, Color.ORANGE, Color.WHITE));
        List<ImportedPhoto> imported = new PersonsApi(unit).importPhotos(file("照片.zip",
                TestFixtures.photoZip(idNumbers, photo)));
        assertThat(imported).hasSize(5).allSatisfy(p -> assertThat(p.getCode()).as(p.getMessage()).isEqualTo("OK"));

        // 6. the certificates, until every one is generated
        List<Certificate> certificates = generated(filings, id, 5);

        // 7. one PDF, byte for byte what the list says
        CertificatesApi certs = new CertificatesApi(unit);
        Certificate first = certificates.get(0);
        byte[] downloaded = Files.readAllBytes(certs.downloadCertificatePdf(first.getId(), true).toPath());
        assertThat(new String(downloaded, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(sha256(downloaded)).isEqualTo(first.getSha256());
        assertThat(Pdfs.qr(downloaded)).isEqualTo(first.getVerificationUrl());

        // 8. a ZIP of three, with its manifest
        List<Certificate> three = certificates.subList(0, 3);
        Map<String, byte[]> entries = unzip(filings.exportCertificates(id,
                new ExportRequest().ids(three.stream().map(Certificate::getId).toList())));
        assertThat(entries).hasSize(4).containsKey("manifest.csv");
        String manifest = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        for (Certificate c : three) {
            assertThat(sha256(entries.get(c.getCertificateNumber() + "_" + c.getPersonName() + ".pdf"))).isEqualTo(c.getSha256());
            assertThat(manifest).contains(String.join(",", c.getCertificateNumber(), c.getPersonName(),
                    c.getMaskedIdNumber(), c.getSha256()));
        }

        // 8b. a correction: asked for with the typed reason and a date, the evidence uploaded, approved by the
        // supervising department; a new version follows under the same number, and the public page lists both
        Certificate second = certificates.get(1);
        Correction asked = certs.requestCorrection(second.getId(), new CorrectionRequest().reason(CorrectionReason.EMPLOYER)
                .employer("合肥市更正后单位").qualificationDate(LocalDate.of(2021, 12, 21)).detail("单位名称与取得时间有误"));
        assertThat(asked.getStatus()).isEqualTo(CorrectionStatus.PENDING);
        assertThat(asked.getChanges()).extracting(FieldChange::getField)
                .containsExactly(CorrectedField.EMPLOYER, CorrectedField.QUALIFICATION_DATE);
        CorrectionsApi corrections = new CorrectionsApi(unit);
        assertThat(corrections.uploadCorrectionEvidence(asked.getId(), file("证明材料.pdf", pdf), "证明材料.pdf")
                .getEvidenceName()).isEqualTo("证明材料.pdf");
        Correction agreed = new CorrectionsApi(system).approveCorrection(asked.getId(), new Decision().note("同意"));
        assertThat(agreed.getStatus()).isEqualTo(CorrectionStatus.APPROVED);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (certs.getCertificate(second.getId()).getVersion() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String secondToken = second.getVerificationUrl().substring(second.getVerificationUrl().lastIndexOf("/v/") + 3);
        Verification corrected = new VerificationApi(anonymous).verifyCertificate(secondToken);
        assertThat(corrected.getVersions()).extracting(CertificateVersion::getReason)
                .containsExactly(VersionReason.ISSUED, VersionReason.CORRECTED);
        assertThat(corrected.getVersions().get(1).getCorrectionReason()).isEqualTo(CorrectionReason.EMPLOYER);

        // 9. verified by anyone (ID number masked), the PDF checked, then revoked, and the public answer says so
        String token = first.getVerificationUrl().substring(first.getVerificationUrl().lastIndexOf("/v/") + 3);
        VerificationApi verification = new VerificationApi(anonymous);
        Verification valid = verification.verifyCertificate(token);
        assertThat(valid.getStatus()).isEqualTo(Validity.VALID);
        assertThat(valid.getCertificateNumber()).isEqualTo(first.getCertificateNumber());
        assertThat(valid.getName()).isEqualTo(first.getPersonName());
        assertThat(valid.getMaskedIdNumber()).isEqualTo(first.getMaskedIdNumber()).contains("****");
        PdfCheck check = verification.checkCertificatePdf(token, file("check.pdf", downloaded));
        assertThat(check.getOutcome()).isEqualTo(PdfCheckOutcome.CURRENT);
        Certificate revoked = certs.revokeCertificate(first.getId(),
                new Revocation().reason(RevocationReason.INFO_ERROR).note("出生日期有误，待更正后重新申报"));
        assertThat(revoked.getValidity()).isEqualTo(Validity.REVOKED);
        Verification after = verification.verifyCertificate(token);
        assertThat(after.getStatus()).isEqualTo(Validity.REVOKED);
        assertThat(after.getRevokedReason()).isEqualTo("信息有误");

        // 10. refusals come back as the error schema with a stable code
        ApiException foreign = catchThrowableOfType(ApiException.class, () -> new FilingsApi(otherUnit).getFiling(id));
        assertThat(foreign.getCode()).isEqualTo(404);
        assertThat(error(otherUnit, foreign).getCode()).isEqualTo("FILING_NOT_FOUND");
        ApiException again = catchThrowableOfType(ApiException.class, () -> certs.revokeCertificate(first.getId(),
                new Revocation().reason(RevocationReason.BY_LAW)));
        assertThat(again.getCode()).isEqualTo(409);
        ApiException badRoster = catchThrowableOfType(ApiException.class, () -> filings.importRoster(
                filings.createFiling(new FilingDraft().name("错误名单").approvalNumber(TestFixtures.uniqueNumber("皖职改办"))
                        .year(2024).type(FilingType.REVIEW).committeeId(committee).issuingAuthorityId(authority)).getId(),
                file("错误名单.csv", (TestFixtures.HEADER + csvRows.get(0).replaceFirst(",\\d{17}[\\dX],", ",340101199901011234,"))
                        .getBytes(StandardCharsets.UTF_8)), null));
        assertThat(badRoster.getCode()).isEqualTo(400);
        ApiError rosterError = error(unit, badRoster);
        assertThat(rosterError.getCode()).isEqualTo("ROSTER_INVALID");
        assertThat(rosterError.getErrors()).isNotEmpty().allSatisfy(v -> assertThat(v.getRow()).isEqualTo(2));
        ApiException anonymousList = catchThrowableOfType(ApiException.class, () -> new FilingsApi(anonymous)
                .listFilings(null, null, null, null, null, null, null, null, null));
        assertThat(anonymousList.getCode()).isEqualTo(401);
        assertThat(error(anonymous, anonymousList).getCode()).isEqualTo("UNAUTHENTICATED");
    }

    private static List<Certificate> generated(FilingsApi filings, long id, int count) throws ApiException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<Certificate> items;
        do {
            items = filings.listFilingCertificates(id, GenerationStatus.GENERATED, 1, 50, null).getItems();
            if (items.size() == count) {
                return items;
            }
            Platform.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("only " + items.size() + " of " + count + " generated");
    }

    private static byte[] xlsx(List<String> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("名单");
            String[] lines = (TestFixtures.HEADER + String.join("", rows)).split("\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(",");
                for (int c = 0; c < cells.length; c++) {
                    ws.value(r, c, cells[c]);
                }
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(File zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip.toPath());
             ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] data) {
        return CertificateApiIT.Sha.of(data);
    }
}
