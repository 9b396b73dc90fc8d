package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.photo.internal.Images;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Certificates over REST against the running platform: records and numbers on approval, generation when
 * a photo arrives, the PDF read back (text, QR, XMP), versions, export, revocation and public verification.
 */
class CertificateApiIT {

    private static Platform platform;
    private static Api system;

    @BeforeAll
    static void boot() {
        platform = Platform.shared();
        system = platform.system();
    }

    static byte[] photo(Color colour) {
        return Images.jpeg(Images.halves(600, 840, colour, Color.WHITE));
    }

    private static Api.Response uploadPhoto(long personId, Color colour) {
        return system.putBytes("/api/v1/persons/" + personId + "/photo", "image/jpeg", photo(colour));
    }

    /** A roster whose people have these names, numbered from {@code offset}. */
    static String rosterNamed(int offset, String... names) {
        List<String> rows = TestFixtures.rows(names.length, offset);
        StringBuilder csv = new StringBuilder(TestFixtures.HEADER);
        for (int i = 0; i < names.length; i++) {
            csv.append(names[i]).append(rows.get(i).substring(rows.get(i).indexOf(',')));
        }
        return csv.toString();
    }

    private static JsonNode awaitStatus(Api api, long certificateId, String status) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode c;
        do {
            c = api.get("/api/v1/certificates/" + certificateId).json();
            if (c.get("status").asText().equals(status)) {
                return c;
            }
            Platform.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("certificate " + certificateId + " never became " + status + ": " + c);
    }

    @Test
    void approvalNumbersEveryEntryAndThoseWithPhotosAreGeneratedAndReadBack() {
        String csv = rosterNamed(5100, "周慧敏", "吴建国", "郑晓燕", "冯子轩");
        long filing = TestFixtures.filledFiling(system, "证书生成测试", 2019, csv);
        Map<String, Long> people = TestFixtures.personIds(system, filing);
        List<String> ids = new ArrayList<>(people.keySet());
        assertThat(uploadPhoto(people.get(ids.get(0)), Color.BLUE).status()).isEqualTo(200);
        assertThat(uploadPhoto(people.get(ids.get(1)), Color.GREEN).status()).isEqualTo(200);
        TestFixtures.approve(system, filing);

        List<JsonNode> certs = TestFixtures.settledCertificates(system, filing, 4);
        assertThat(certs).extracting(c -> c.get("certificateNumber").asText())
                .allMatch(n -> n.matches("342019AHKJGP\\d{5}")).doesNotHaveDuplicates();
        List<Integer> seqs = certs.stream().map(c -> Integer.parseInt(c.get("certificateNumber").asText()
                .substring(12))).sorted().toList();
        assertThat(seqs.get(3) - seqs.get(0)).as("one block, numbered in roster order").isEqualTo(3);
        Map<String, JsonNode> byName = certs.stream().collect(Collectors.toMap(c -> c.get("personName").asText(), c -> c));
        assertThat(byName.get("周慧敏").get("status").asText()).isEqualTo("GENERATED");
        assertThat(byName.get("吴建国").get("status").asText()).isEqualTo("GENERATED");
        assertThat(byName.get("郑晓燕").get("status").asText()).isEqualTo("NOT_GENERATED");
        assertThat(byName.get("郑晓燕").get("failureReason").asText()).contains("照片");
        assertThat(byName.get("周慧敏").get("verificationUrl").asText()).matches(".*/v/[A-Za-z0-9_-]{22}");

        JsonNode c = byName.get("周慧敏");
        Api.Response pdf = system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("inline;").contains("filename*=UTF-8''"
                + URLEncoder.encode(c.get("certificateNumber").asText() + "_周慧敏.pdf", StandardCharsets.UTF_8));
        assertThat(pdf.header("ETag")).isEqualTo("\"" + c.get("sha256").asText() + "\"");
        assertThat(Sha.of(pdf.bytes())).isEqualTo(c.get("sha256").asText());
        assertThat(system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf?download=true")
                .header("Content-Disposition")).startsWith("attachment;");

        String row = csv.split("\n")[1];
        String[] f = row.split(",");
        String birth = f[3];
        String text = Pdfs.text(pdf.bytes());
        assertThat(text).contains("专业技术资格证书", "姓名：周慧敏", "性别：" + f[2],
                "出生年月：" + Integer.parseInt(birth.substring(0, 4)) + "年" + Integer.parseInt(birth.substring(5, 7)) + "月",
                "身份证号：" + f[1], "工作单位：" + f[4], "系列/专业：会计人员/会计", "资格名称：会计师", "资格级别：中级",
                "评审组织：安徽省会计系列高级专业技术资格评审委员会", "取得时间：2021年12月20日",
                "发证机关：安徽省人力资源和社会保障厅", c.get("certificateNumber").asText());
        assertThat(Pdfs.qr(pdf.bytes())).isEqualTo(c.get("verificationUrl").asText());
        assertThat(Pdfs.xmp(pdf.bytes())).contains(c.get("certificateNumber").asText());
        Pdfs.save(pdf.bytes(), "certificate-api");

        Api.Response missing = system.get("/api/v1/certificates/" + byName.get("郑晓燕").get("id").asLong() + "/pdf");
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_GENERATED");
        assertThat(missing.json().get("message").asText()).contains("照片");
    }

    @Test
    void aPhotoMakesTheCertificateAndANewPhotoANewVersionThatSupersedesTheOld() throws IOException {
        long filing = TestFixtures.filledFiling(system, "证书版本测试", 2018, rosterNamed(5200, "钱多多"));
        TestFixtures.approve(system, filing);
        JsonNode c = TestFixtures.settledCertificates(system, filing, 1).get(0);
        assertThat(c.get("status").asText()).isEqualTo("NOT_GENERATED");
        long id = c.get("id").asLong();
        long person = c.get("personId").asLong();

        uploadPhoto(person, Color.ORANGE);
        JsonNode v1 = awaitStatus(system, id, "GENERATED");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        byte[] first = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        // asked once now, the public answer is kept in memory: the new version must replace it at once
        assertThat(platform.api().get("/api/v1/verify/" + token(v1)).json().get("version").asInt()).isEqualTo(1);

        uploadPhoto(person, Color.MAGENTA);
        JsonNode v2;
        do {
            v2 = awaitStatus(system, id, "GENERATED");
        } while (v2.get("version").asInt() < 2);
        assertThat(v2.get("certificateNumber").asText()).as("the number stays").isEqualTo(v1.get("certificateNumber").asText());
        assertThat(v2.get("verificationUrl").asText()).as("so does the QR").isEqualTo(v1.get("verificationUrl").asText());
        byte[] second = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        assertThat(Sha.of(second)).isEqualTo(v2.get("sha256").asText()).isNotEqualTo(Sha.of(first));

        String token = token(v2);
        JsonNode verified = platform.api().get("/api/v1/verify/" + token).json();
        assertThat(verified.get("version").asInt()).isEqualTo(2);
        assertThat(verified.get("sha256").asText()).isEqualTo(v2.get("sha256").asText());
        assertThat(check(token, second).get("outcome").asText()).isEqualTo("CURRENT");
        JsonNode old = check(token, first);
        assertThat(old.get("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(old.get("matchedVersion").asInt()).isEqualTo(1);
        byte[] tampered = second.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(check(token, tampered).get("outcome").asText()).isEqualTo("NOT_GENUINE");
    }

    private static JsonNode check(String token, byte[] pdf) {
        return platform.api().postBytes("/api/v1/verify/" + token + "/check", "application/pdf", pdf).json();
    }

    private static String token(JsonNode certificate) {
        String url = certificate.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void twentyConcurrentApprovalsNeverRepeatANumber() throws Exception {
        List<Long> filings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            filings.add(TestFixtures.filledFiling(system, "并发审核" + i, 2003, TestFixtures.roster(5, 6000 + i * 5)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (long f : filings) {
            results.add(pool.submit(() -> {
                start.await();
                return system.post("/api/v1/filings/" + f + "/approve", "").status();
            }));
        }
        start.countDown();
        for (Future<Integer> r : results) {
            assertThat(r.get()).isEqualTo(200);
        }
        pool.shutdown();
        List<String> numbers = new ArrayList<>();
        for (long f : filings) {
            TestFixtures.settledCertificates(system, f, 5).forEach(c -> numbers.add(c.get("certificateNumber").asText()));
        }
        assertThat(numbers).hasSize(100).doesNotHaveDuplicates().allMatch(n -> n.startsWith("342003AHKJGP"));
        assertThat(numbers.stream().map(n -> Integer.parseInt(n.substring(12))).sorted().toList())
                .as("no gaps either").isEqualTo(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void exportStreamsTheCheckedPdfsStoredWithAManifestAndRefusesWhatIsNotTheCallers() throws IOException {
        long filingA = demoFiling("皖职改办〔2021〕12号");
        long filingB = demoFiling("合职改〔2021〕156号");
        List<JsonNode> certs = TestFixtures.settledCertificates(system, filingA,
                system.get("/api/v1/filings/" + filingA).json().get("rosterSize").asInt());
        List<JsonNode> generated = certs.stream().filter(c -> c.get("status").asText().equals("GENERATED")).limit(3).toList();
        JsonNode notGenerated = certs.stream().filter(c -> c.get("status").asText().equals("NOT_GENERATED"))
                .findFirst().orElseThrow();
        List<Long> ids = generated.stream().map(c -> c.get("id").asLong()).toList();
        Api unitA = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        Api unitB = platform.api().withKey(platform.accounts().of("unitapi", "HFRS").secret());

        Api.Response zip = unitA.post("/api/v1/filings/" + filingA + "/certificates/export", Map.of("ids", ids));
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        assertThat(zip.header("Content-Disposition")).startsWith("attachment;");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).hasSize(4).containsKey("manifest.csv");
        String manifest = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        for (JsonNode c : generated) {
            String name = c.get("certificateNumber").asText() + "_" + c.get("personName").asText() + ".pdf";
            assertThat(entries).containsKey(name);
            assertThat(Sha.of(entries.get(name))).isEqualTo(c.get("sha256").asText());
            assertThat(manifest).contains(c.get("certificateNumber").asText() + "," + c.get("personName").asText() + ","
                    + c.get("maskedIdNumber").asText() + "," + c.get("sha256").asText());
        }
        // no field is a whole ID number (a SHA-256 may hold 18 digits in a row: CI once found one)
        assertThat(manifest).doesNotContainPattern("(?m)(^|,)[1-9]\\d{16}[\\dX](,|$)");

        List<Long> withUngenerated = new ArrayList<>(ids);
        withUngenerated.add(notGenerated.get("id").asLong());
        Api.Response refused = unitA.post("/api/v1/filings/" + filingA + "/certificates/export", Map.of("ids", withUngenerated));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_GENERATED");
        long otherFilings = system.get("/api/v1/filings/" + filingB + "/certificates?status=GENERATED&size=1").json()
                .at("/items/0/id").asLong();
        Api.Response foreign = unitA.post("/api/v1/filings/" + filingA + "/certificates/export",
                Map.of("ids", List.of(ids.get(0), otherFilings)));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unitB.post("/api/v1/filings/" + filingA + "/certificates/export", Map.of("ids", ids)).status())
                .as("another unit's filing").isEqualTo(404);
        assertThat(unitA.post("/api/v1/filings/" + filingA + "/certificates/export", Map.of("ids", List.of()))
                .json().get("code").asText()).isEqualTo("EXPORT_EMPTY");
    }

    private static long demoFiling(String approvalNumber) {
        return system.get("/api/v1/filings?approvalNumber=" + URLEncoder.encode(approvalNumber, StandardCharsets.UTF_8))
                .json().at("/items/0/id").asLong();
    }

    @Test
    void aRevokedCertificateSaysSoOnThePublicPageAndCannotBeRegenerated() {
        long filing = TestFixtures.filledFiling(system, "撤销测试", 2017, rosterNamed(5300, "孙可撤"));
        long person = TestFixtures.personIds(system, filing).values().iterator().next();
        uploadPhoto(person, Color.CYAN);
        TestFixtures.approve(system, filing);
        JsonNode c = TestFixtures.settledCertificates(system, filing, 1).get(0);
        long id = c.get("id").asLong();
        assertThat(system.post("/api/v1/certificates/" + id + "/revoke", Map.of("reason", "")).status()).isEqualTo(400);
        Api.Response freeText = system.post("/api/v1/certificates/" + id + "/revoke", Map.of("reason", "张三说撤"));
        assertThat(freeText.status()).as("reasons come from the fixed list").isEqualTo(400);
        assertThat(freeText.json().get("message").asText()).contains("FRAUD");
        JsonNode revoked = system.post("/api/v1/certificates/" + id + "/revoke", Map.of("reason", "FRAUD",
                "note", "经举报核实，学历证明系伪造，见皖人社函〔2026〕9号")).json();
        assertThat(revoked.get("validity").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedReason").asText()).isEqualTo("弄虚作假取得");
        assertThat(revoked.get("revocationNote").asText()).as("admins see the note").contains("学历证明系伪造");

        JsonNode v = platform.api().get("/api/v1/verify/" + token(c)).json();
        assertThat(v.get("status").asText()).isEqualTo("REVOKED");
        assertThat(v.get("revokedReason").asText()).isEqualTo("弄虚作假取得");
        assertThat(v.toString()).as("free text stays internal (finding 11)").doesNotContain("学历证明");
        assertThat(v.get("maskedIdNumber").asText()).matches("\\d\\*{16}[\\dX]");
        assertThat(v.toString()).doesNotContain(TestFixtures.personIds(system, filing).keySet().iterator().next());
        Api.Response page = platform.api().get("/v/" + token(c));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("证书已撤销", "弄虚作假取得", c.get("certificateNumber").asText())
                .doesNotContain("学历证明");

        assertThat(system.post("/api/v1/certificates/" + id + "/revoke", Map.of("reason", "BY_LAW")).status()).isEqualTo(409);
        assertThat(system.post("/api/v1/certificates/" + id + "/regenerate", "").status()).isEqualTo(409);
        assertThat(system.get("/api/v1/audit?action=CERTIFICATE_REVOKE&size=5").json().findValuesAsText("target"))
                .contains("certificate:" + id);
    }

    @Test
    void unknownTokensRevealNothingAndVerificationIsRateLimitedPerClient() {
        Api anon = platform.api();
        Api.Response unknown = anon.get("/api/v1/verify/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().size()).isEqualTo(2);
        assertThat(unknown.json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_FOUND");
        Api.Response malformed = anon.get("/api/v1/verify/..%2F..%2Fetc");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.body()).doesNotContain("Exception");
        assertThat(anon.get("/v/AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);

        String token = token(system.get("/api/v1/filings/" + demoFiling("皖职改办〔2021〕12号")
                + "/certificates?status=GENERATED&size=1").json().at("/items/0"));
        RawHttp scraper = new RawHttp("127.0.0.41", platform.port());
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Reply limited = null;
        for (int i = 0; i < 60; i++) {
            RawHttp.Reply r = scraper.get("/api/v1/verify/" + token);
            statuses.add(r.status());
            if (r.status() == 429 && limited == null) {
                limited = r;
            }
        }
        assertThat(statuses).as("a burst gets through, then the client is slowed").contains(200, 429);
        assertThat(limited.header("Retry-After")).matches("\\d+");
        assertThat(limited.body()).contains("VERIFY_RATE_LIMITED");
        assertThat(new RawHttp("127.0.0.42", platform.port()).get("/api/v1/verify/" + token).status())
                .as("another client is not affected").isEqualTo(200);
    }

    @Test
    void rareCharactersInNamesArePrintedAndAMissingGlyphFailsWithTheReason() {
        String missing = new String(Character.toChars(0x2A6D6));
        long filing = TestFixtures.filledFiling(system, "生僻字测试", 2016, rosterNamed(5400, "吉𠮷", "龘堃犇", "张" + missing));
        TestFixtures.personIds(system, filing).values().forEach(p -> uploadPhoto(p, Color.PINK));
        TestFixtures.approve(system, filing);
        Map<String, JsonNode> byName = TestFixtures.settledCertificates(system, filing, 3).stream()
                .collect(Collectors.toMap(c -> c.get("personName").asText(), c -> c));
        for (String name : List.of("吉𠮷", "龘堃犇")) {
            JsonNode c = byName.get(name);
            assertThat(c.get("status").asText()).as(name).isEqualTo("GENERATED");
            byte[] pdf = system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
            assertThat(Pdfs.text(pdf)).contains("姓名：" + name);
            Pdfs.save(pdf, "certificate-rare-" + name.codePointCount(0, name.length()));
        }
        JsonNode failed = byName.get("张" + missing);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).contains("U+2A6D6");
        Api.Response download = system.get("/api/v1/certificates/" + failed.get("id").asLong() + "/pdf");
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.json().get("code").asText()).isEqualTo("CERTIFICATE_FAILED");
    }

    @Test
    void individualsSeeTheirOwnCertificatesOnly() {
        List<DemoAccounts.Account> ind = platform.accounts().all("individual");
        Api a = platform.api().login("individual", ind.get(1).login(), ind.get(1).secret());
        Api b = platform.api().login("individual", ind.get(3).login(), ind.get(3).secret());
        JsonNode mine = a.get("/api/v1/me/certificates").json();
        assertThat(mine.size()).isPositive();
        mine.forEach(c -> assertThat(c.get("personName").asText()).isEqualTo(mine.get(0).get("personName").asText()));
        long id = mine.get(0).get("id").asLong();
        assertThat(a.get("/api/v1/certificates/" + id).status()).isEqualTo(200);
        assertThat(b.get("/api/v1/certificates/" + id).status()).isEqualTo(404);
        assertThat(b.get("/api/v1/certificates/" + id + "/pdf").status()).isEqualTo(404);
        assertThat(b.get("/api/v1/filings/1/certificates").status()).isEqualTo(403);
        assertThat(a.get("/api/v1/me/certificates").json().findValuesAsText("id"))
                .doesNotContainAnyElementsOf(b.get("/api/v1/me/certificates").json().findValuesAsText("id"));
    }

    /** The SHA-256 of some bytes, in hex. */
    static final class Sha {
        static String of(byte[] data) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
