package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A province that issues OFD beside the PDF ({@code formats = pdf,ofd}): nothing is issued as OFD while no OFD
 * template is installed; installing the {@code titlecert-template-ofd} feature into the running platform (a features
 * file dropped into {@code deploy/}) makes every certificate again with its OFD, from the same record (same number, same
 * version); the REST download, the certificate's record and the ZIP export agree on it; removing the feature makes
 * them again without.
 */
@Order(2)
class OfdIssuingIT {

    private static Platform platform;
    private static Api system;

    @BeforeAll
    static void start() {
        platform = Platform.create("ofd");
        platform.configureForTests();
        platform.config("org.titlecert.certificate", "publicBaseUrl = " + platform.url(""), "checkPerMinute = 1000",
                "formats = pdf,ofd");
        platform.start();
        system = platform.system();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void installingTheOfdFeatureIssuesEveryCertificateAsOfdTooAndRemovingItStops() throws Exception {
        long filing = system.get("/api/v1/filings?approvalNumber=" + java.net.URLEncoder.encode("皖职改办〔2022〕9号",
                StandardCharsets.UTF_8)).json().at("/items/0/id").asLong();
        int count = system.get("/api/v1/filings/" + filing + "/certificates?size=1").json().get("total").asInt();
        JsonNode before = generated(filing, count);
        long id = before.get("id").asLong();
        assertThat(before.hasNonNull("ofdSha256")).isFalse();
        Api.Response none = system.get("/api/v1/certificates/" + id + "/ofd");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("code").asText()).isEqualTo("OFD_NOT_ISSUED");
        assertThat(none.json().get("message").asText()).contains("OFD");

        Path feature = installOfdFeature();
        JsonNode issued = waitFor(id, c -> c.hasNonNull("ofdSha256"), "issued as OFD");
        assertThat(issued.get("version").asInt()).as("made again, as one new version").isGreaterThan(
                before.get("version").asInt());
        assertThat(issued.get("certificateNumber").asText()).isEqualTo(before.get("certificateNumber").asText());

        Api.Response ofd = system.get("/api/v1/certificates/" + id + "/ofd");
        assertThat(ofd.status()).isEqualTo(200);
        assertThat(ofd.contentType()).startsWith("application/ofd");
        assertThat(ofd.header("Content-Disposition")).startsWith("attachment").contains(".ofd");
        assertThat(sha256(ofd.bytes())).isEqualTo(issued.get("ofdSha256").asText());
        assertThat(ofd.bytes().length).isEqualTo(issued.get("ofdSize").asInt());
        Map<String, byte[]> parts = unzip(ofd.bytes());
        assertThat(parts).containsKey("OFD.xml");
        String info = new String(parts.get("OFD.xml"), StandardCharsets.UTF_8);
        assertThat(info).contains("<ofd:CustomData Name=\"证照编号\">" + issued.get("certificateNumber").asText())
                .contains("Name=\"持证主体\">" + issued.get("personName").asText());
        assertThat(parts.keySet()).anyMatch(n -> n.endsWith(".ttf")).anyMatch(n -> n.endsWith(".jpg"));
        String content = parts.entrySet().stream().filter(e -> e.getKey().endsWith("Content.xml")).findFirst()
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(content).contains(issued.get("certificateNumber").asText());
        // the PDF is of the same version
        Api.Response pdf = system.get("/api/v1/certificates/" + id + "/pdf");
        assertThat(sha256(pdf.bytes())).isEqualTo(issued.get("sha256").asText());

        // the ZIP export: each certificate's PDF and OFD, and both SHA-256 in the manifest
        JsonNode all = generated(filing, count);
        assertThat(all.hasNonNull("ofdSha256")).isTrue();
        Map<String, byte[]> zip = unzip(system.get("/api/v1/filings/" + filing + "/certificates/all.zip").bytes());
        String manifest = new String(zip.get("manifest.csv"), StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("\uFEFF证书编号,姓名,身份证号,SHA-256,OFD SHA-256")
                .contains(issued.get("sha256").asText() + "," + issued.get("ofdSha256").asText());
        String base = zip.keySet().stream().filter(n -> n.startsWith(issued.get("certificateNumber").asText()))
                .filter(n -> n.endsWith(".pdf")).findFirst().orElseThrow().replaceAll("\\.pdf$", "");
        assertThat(sha256(zip.get(base + ".ofd"))).isEqualTo(issued.get("ofdSha256").asText());
        assertThat(zip.keySet().stream().filter(n -> n.endsWith(".ofd")).count())
                .isEqualTo(zip.keySet().stream().filter(n -> n.endsWith(".pdf")).count());

        // each download is the caller's own: the holder has theirs, another person and another unit learn nothing
        java.util.List<DemoAccounts.Account> individuals = platform.accounts().all("individual");
        Api holder = platform.api().login("individual", individuals.get(0).login(), individuals.get(0).secret());
        holder.putBytes("/api/v1/me/photo", "image/jpeg", CertificateApiIT.photo(java.awt.Color.GRAY));
        long mine = holder.get("/api/v1/me/certificates").json().get(0).get("id").asLong();
        JsonNode own = waitFor(mine, c -> c.hasNonNull("ofdSha256"), "issued as OFD");
        Api.Response theirs = holder.get("/api/v1/certificates/" + mine + "/ofd");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(sha256(theirs.bytes())).isEqualTo(own.get("ofdSha256").asText());
        for (Api stranger : java.util.List.of(
                platform.api().login("individual", individuals.get(2).login(), individuals.get(2).secret()),
                platform.api().withKey(platform.accounts().of("unitapi", "HFRS").secret()))) {
            Api.Response refused = stranger.get("/api/v1/certificates/" + mine + "/ofd");
            assertThat(refused.status()).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("OFD_NOT_ISSUED").doesNotContain("PK");
        }

        // 我的职称 offers the OFD beside the PDF, and the certificate's page its fingerprint and a download
        org.openqa.selenium.WebDriver browser = Browser.start();
        try {
            Browser.loginIndividual(browser, platform, individuals.get(0).login(), individuals.get(0).secret());
            browser.get(platform.url("/me/titles"));
            org.openqa.selenium.WebElement link = browser.findElement(
                    org.openqa.selenium.By.cssSelector("a[href='/api/v1/certificates/" + mine + "/ofd']"));
            assertThat(link.getText()).isEqualTo("OFD");
            Browser.screenshot(browser, "my-titles-ofd");
            browser.get(platform.url("/me/titles/" + own.get("rosterEntryId").asLong()));
            Browser.waitForText(browser, org.openqa.selenium.By.id("certificate-ofd"), "下载 OFD 版式");
            assertThat(browser.findElement(org.openqa.selenium.By.tagName("main")).getText())
                    .contains("OFD 文件指纹").contains(own.get("ofdSha256").asText());
            Browser.screenshot(browser, "certificate-ofd");
            assertThat(Browser.accessibilityProblems(browser)).isEmpty();
        } finally {
            browser.quit();
        }

        // the SM2 seal feature installed: with the demo data beside it, that brings demo SM2 seals for the demo unit's
        // committee and issuing authority (a demo SM2 CA, trusted), and the OFD is sealed again, both seals genuine
        JsonNode filingJson = system.get("/api/v1/filings/" + filing).json();
        Path sm2 = install("titlecert-sm2", "titlecert-seal-sm2");
        int unsealedVersion = issued.get("version").asInt();
        JsonNode sealed = waitFor(id, c -> c.get("version").asInt() > unsealedVersion && c.hasNonNull("ofdSha256")
                && !c.get("ofdSha256").asText().equals(issued.get("ofdSha256").asText()), "sealed with SM2");
        Path demoCa = platform.home().resolve("etc/titlecert-trust-sm2/demo-sm2-ca.pem");
        assertThat(demoCa).exists();
        java.security.cert.X509Certificate ca;
        try (var in = Files.newInputStream(demoCa)) {
            ca = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509",
                    org.titlecert.sealkit.sm2.Sm2SealKit.BC)
                    .generateCertificate(in);
        }
        org.titlecert.seal.SealReport seals = org.titlecert.seal.sm2.OfdSeals.verify(
                system.get("/api/v1/certificates/" + id + "/ofd").bytes(), List.of(ca));
        assertThat(seals.seals()).extracting(org.titlecert.seal.SealCheck::signer).containsExactly(
                filingJson.at("/committee/name").asText(), filingJson.at("/issuingAuthority/name").asText());
        assertThat(seals.genuine()).as("%s", seals).isTrue();
        assertThat(sealed.get("sealStatus").asText()).as("the PDF keeps its seals").isEqualTo(
                issued.get("sealStatus").asText());
        // 电子印章 (REST and page) shows each issuer's SM2 seal beside its PDF seal
        JsonNode issuers = system.get("/api/v1/seals").json();
        for (String role : List.of("committee", "issuingAuthority")) {
            String code = filingJson.get(role).get("code").asText();
            JsonNode row = java.util.stream.StreamSupport.stream(issuers.spliterator(), false)
                    .filter(s -> s.get("code").asText().equals(code)).findFirst().orElseThrow();
            assertThat(row.get("ofdProvider").asText()).isEqualTo("sm2:" + code);
            assertThat(row.at("/ofdIdentity/subject").asText()).contains(filingJson.get(role).get("name").asText());
        }
        org.openqa.selenium.WebDriver sealsPage = Browser.start();
        try {
            DemoAccounts.Account admin = platform.accounts().of("unitadmin", "AHCZ");
            Browser.loginAdmin(sealsPage, platform, admin.login(), admin.secret());
            Browser.waitForUrl(sealsPage, "/admin/filings");
            sealsPage.get(platform.url("/admin/seals"));
            String code = filingJson.at("/committee/code").asText();
            assertThat(sealsPage.findElement(org.openqa.selenium.By.cssSelector("tr[data-code='" + code + "'] .sm2-seal"))
                    .getText()).contains("已启用", filingJson.at("/committee/name").asText());
            assertThat(sealsPage.findElement(org.openqa.selenium.By.id("sm2-hint")).getText()).contains("SM2");
            Browser.screenshot(sealsPage, "seals-sm2");
        } finally {
            sealsPage.quit();
        }

        // the public check takes the OFD: current and sealed; the earlier unsealed one superseded; a changed one not
        String url = sealed.get("verificationUrl").asText();
        String check = "/api/v1/verify/" + url.substring(url.lastIndexOf('/') + 1) + "/check";
        byte[] current = system.get("/api/v1/certificates/" + id + "/ofd").bytes();
        JsonNode genuine = platform.api().postBytes(check, "application/ofd", current).json();
        assertThat(genuine.get("outcome").asText()).isEqualTo("CURRENT");
        assertThat(genuine.at("/seals/seals")).hasSize(2);
        genuine.at("/seals/seals").forEach(seal -> {
            assertThat(seal.get("intact").asBoolean()).as("%s", seal).isTrue();
            assertThat(seal.get("trusted").asBoolean()).as("%s", seal).isTrue();
        });
        JsonNode earlier = platform.api().postBytes(check, "application/ofd", ofd.bytes()).json();
        assertThat(earlier.get("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(earlier.get("matchedVersion").asInt()).isEqualTo(issued.get("version").asInt());
        Map<String, byte[]> changed = unzip(current);
        String page = changed.keySet().stream().filter(n -> n.endsWith("Content.xml")).findFirst().orElseThrow();
        changed.put(page, new String(changed.get(page), StandardCharsets.UTF_8)
                .replace(issued.get("certificateNumber").asText(), "342099AHKJGP99999").getBytes(StandardCharsets.UTF_8));
        JsonNode forged = platform.api().postBytes(check, "application/ofd", zip(changed)).json();
        assertThat(forged.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        forged.at("/seals/seals").forEach(seal -> assertThat(seal.get("intact").asBoolean()).isFalse());

        JsonNode both = ofdOnlyAndBack(filing, count, id, mine, sealed, pdf.bytes(), individuals.get(0));
        // removing the SM2 feature: the seals made stay, and the check says it cannot check them any more (waited for
        // before the next removal: Karaf's deployer loses one of two feature files removed at the same moment)
        Files.delete(sm2);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!platform.api().postBytes(check, "application/ofd", current).body().contains("未安装")) {
            assertThat(System.nanoTime()).as("the SM2 seal check gone within a minute").isLessThan(deadline);
            Platform.sleep(500);
        }
        assertThat(system.get("/api/v1/certificates/" + id).json().get("ofdSha256").asText())
                .as("a seal leaving changes nothing made").isEqualTo(both.get("ofdSha256").asText());

        Files.delete(feature);
        JsonNode after = waitFor(id, c -> !c.hasNonNull("ofdSha256")
                && c.get("version").asInt() > issued.get("version").asInt(), "made again without OFD");
        assertThat(after.get("status").asText()).isEqualTo("GENERATED");
        assertThat(system.get("/api/v1/certificates/" + id + "/ofd").status()).isEqualTo(404);
    }

    /**
     * The region switched to OFD only ({@code formats = ofd}) in the running platform: every certificate made again
     * without its PDF, its OFD sealed with SM2 and the seal status the OFD's; the PDF refused with PDF_NOT_ISSUED; the
     * ZIP, the public record and the pages offer the OFD; then back to PDF and OFD. Returns the certificate as then.
     */
    private static JsonNode ofdOnlyAndBack(long filing, int count, long id, long mine, JsonNode sealed, byte[] oldPdf,
                                           DemoAccounts.Account holder) throws Exception {
        platform.config("org.titlecert.certificate", "publicBaseUrl = " + platform.url(""), "checkPerMinute = 1000",
                "formats = ofd");
        JsonNode only = waitFor(id, c -> !c.hasNonNull("sha256") && c.get("version").asInt() > sealed.get("version")
                .asInt(), "issued as OFD only");
        assertThat(only.get("certificateNumber").asText()).isEqualTo(sealed.get("certificateNumber").asText());
        assertThat(only.get("size").asLong()).isZero();
        assertThat(only.get("sealStatus").asText()).as("the OFD's two SM2 seals").isEqualTo("SEALED");
        Api.Response noPdf = system.get("/api/v1/certificates/" + id + "/pdf");
        assertThat(noPdf.status()).isEqualTo(404);
        assertThat(noPdf.json().get("code").asText()).isEqualTo("PDF_NOT_ISSUED");
        assertThat(noPdf.json().get("message").asText()).contains("OFD");
        byte[] ofd = system.get("/api/v1/certificates/" + id + "/ofd").bytes();
        assertThat(sha256(ofd)).isEqualTo(only.get("ofdSha256").asText());
        assertThat(org.titlecert.seal.sm2.OfdSeals.verify(ofd, List.of()).seals()).hasSize(2);
        assertThat(system.get("/api/v1/certificates/" + id + "/credential").status()).as("the credential still issued")
                .isEqualTo(200);
        // the check: the OFD current, the PDF of an earlier version superseded
        String token = only.get("verificationUrl").asText().replaceAll(".*/", "");
        JsonNode current = platform.api().postBytes("/api/v1/verify/" + token + "/check", "application/ofd", ofd).json();
        assertThat(current.get("outcome").asText()).isEqualTo("CURRENT");
        JsonNode earlier = platform.api().postBytes("/api/v1/verify/" + token + "/check", "application/pdf", oldPdf)
                .json();
        assertThat(earlier.get("outcome").asText()).isEqualTo("SUPERSEDED");
        JsonNode record = platform.api().get("/api/v1/verify/" + token).json();
        assertThat(record.hasNonNull("sha256")).isFalse();
        assertThat(record.get("ofdSha256").asText()).isEqualTo(only.get("ofdSha256").asText());
        assertThat(record.get("sealStatus").asText()).isEqualTo("SEALED");
        // the ZIP: the OFD alone for each, the manifest's PDF column empty
        // (all were queued at once, with the certificate waited for above)
        assertThat(TestFixtures.settledCertificates(system, filing, count, 120))
                .filteredOn(c -> c.get("status").asText().equals("GENERATED"))
                .isNotEmpty().allMatch(c -> !c.hasNonNull("sha256") && c.hasNonNull("ofdSha256"));
        Map<String, byte[]> zip = unzip(system.get("/api/v1/filings/" + filing + "/certificates/all.zip").bytes());
        assertThat(zip.keySet()).noneMatch(n -> n.endsWith(".pdf")).anyMatch(n -> n.endsWith(".ofd"));
        assertThat(new String(zip.get("manifest.csv"), StandardCharsets.UTF_8))
                .contains(",," + only.get("ofdSha256").asText() + "\r\n");

        // the holder's pages: the OFD offered, no PDF link, no preview
        JsonNode own = waitFor(mine, c -> !c.hasNonNull("sha256"), "issued as OFD only");
        org.openqa.selenium.WebDriver browser = Browser.start();
        try {
            Browser.loginIndividual(browser, platform, holder.login(), holder.secret());
            browser.get(platform.url("/me/titles"));
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("a[href='/api/v1/certificates/" + mine
                    + "/pdf']"))).isEmpty();
            assertThat(browser.findElement(org.openqa.selenium.By.cssSelector("a[href='/api/v1/certificates/" + mine
                    + "/ofd']")).getText()).isEqualTo("OFD");
            browser.get(platform.url("/me/titles/" + own.get("rosterEntryId").asLong()));
            Browser.waitForText(browser, org.openqa.selenium.By.id("certificate-ofd"), "下载证书（OFD 版式）");
            assertThat(browser.findElement(org.openqa.selenium.By.id("ofd-only")).getText()).contains("OFD 阅读器");
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("iframe.pdf-preview"))).isEmpty();
            assertThat(browser.findElement(org.openqa.selenium.By.tagName("main")).getText())
                    .contains(own.get("ofdSha256").asText()).doesNotContain("预览证书");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.getElementById('certificate').scrollIntoView()");
            Browser.screenshot(browser, "certificate-ofd-only");
            assertThat(Browser.accessibilityProblems(browser)).isEmpty();
            browser.get(own.get("verificationUrl").asText());
            assertThat(browser.findElement(org.openqa.selenium.By.id("verify-ofd-sha")).getText())
                    .contains(own.get("ofdSha256").asText());
            Browser.screenshot(browser, "verify-ofd-only");
        } finally {
            browser.quit();
        }

        platform.config("org.titlecert.certificate", "publicBaseUrl = " + platform.url(""), "checkPerMinute = 1000",
                "formats = pdf,ofd");
        JsonNode both = waitFor(id, c -> c.hasNonNull("sha256") && c.hasNonNull("ofdSha256")
                && c.get("version").asInt() > only.get("version").asInt(), "issued as PDF and OFD again");
        assertThat(system.get("/api/v1/certificates/" + id + "/pdf").status()).isEqualTo(200);
        return both;
    }

    /** The filing's certificates settled, and the first generated one. */
    private static JsonNode generated(long filing, int count) {
        return TestFixtures.settledCertificates(system, filing, count, 120).stream()
                .filter(c -> c.get("status").asText().equals("GENERATED")).findFirst().orElseThrow();
    }

    private static JsonNode waitFor(long id, java.util.function.Predicate<JsonNode> done, String what) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            // a changed configuration restarts the engine: its answers may be refused for a moment
            Api.Response r = system.get("/api/v1/certificates/" + id);
            JsonNode c = r.status() == 200 ? r.json() : null;
            if (c != null && done.test(c) && c.get("status").asText().equals("GENERATED")) {
                return c;
            }
            assertThat(System.nanoTime()).as("certificate %d %s within 2 minutes: %s", id, what, c)
                    .isLessThan(deadline);
            Platform.sleep(500);
        }
    }

    /** What an operator does: a features file naming the feature, dropped into {@code deploy/}. */
    private static Path installOfdFeature() throws IOException {
        return install("titlecert-ofd", "titlecert-template-ofd");
    }

    private static Path install(String name, String feature) throws IOException {
        String version;
        try (Stream<Path> versions = Files.list(platform.home().resolve("system/org/titlecert/features"))) {
            version = versions.findFirst().orElseThrow().getFileName().toString();
        }
        Path file = platform.home().resolve("deploy/" + name + ".xml");
        Files.writeString(file, """
                <features name="%1$s" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <repository>mvn:org.titlecert/features/%2$s/xml/features</repository>
                  <feature name="%1$s-install" version="1.0.0" install="auto">
                    <feature>%3$s</feature>
                  </feature>
                </features>
                """.formatted(name, version, feature));
        return file;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
