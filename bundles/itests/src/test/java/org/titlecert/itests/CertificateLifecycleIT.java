package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.titlecert.photo.internal.Images;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * On a platform of its own: a template bundle installed into the running platform takes over at once and
 * its removal falls back; a platform killed in the middle of a batch resumes and leaves no partial file.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateLifecycleIT {

    private static Platform platform;
    private static Api system;

    @BeforeAll
    static void boot() {
        platform = Platform.create("certificate-lifecycle");
        platform.configureForTests();
        // one worker, so that a batch takes long enough to be interrupted in the middle
        platform.config("org.titlecert.certificate", "publicBaseUrl = " + platform.url(""), "workers = 1",
                "readyWaitMillis = 500");
        platform.start();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    private static Path testTemplateJar() throws URISyntaxException {
        String url = CertificateLifecycleIT.class.getClassLoader()
                .getResource("org/titlecert/testtemplate/ProvincialTestTemplate.class").toString();
        assertThat(url).startsWith("jar:file:");
        return Path.of(new java.net.URI(url.substring(4, url.indexOf("!/"))));
    }

    private static boolean sleep() {
        Platform.sleep(20);
        return true;
    }

    private static JsonNode await(long id, java.util.function.Predicate<JsonNode> done, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode c;
        do {
            c = system.get("/api/v1/certificates/" + id).json();
            if (done.test(c)) {
                return c;
            }
            Platform.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + ": " + c);
    }

    @Test
    @Order(1)
    void aTemplateBundleDroppedIntoTheRunningPlatformTakesOverAndItsRemovalFallsBack() throws Exception {
        long filing = system.get("/api/v1/filings?approvalNumber=" + java.net.URLEncoder.encode("合职改〔2021〕156号",
                java.nio.charset.StandardCharsets.UTF_8)).json().at("/items/0/id").asLong();
        List<JsonNode> certs = TestFixtures.settledCertificates(system, filing,
                system.get("/api/v1/filings/" + filing).json().get("rosterSize").asInt());
        JsonNode before = certs.stream().filter(c -> c.get("status").asText().equals("GENERATED")).findFirst().orElseThrow();
        JsonNode waiting = certs.stream().filter(c -> c.get("status").asText().equals("NOT_GENERATED")).findFirst().orElseThrow();
        long id = before.get("id").asLong();
        assertThat(before.get("templateId").asText()).isEqualTo("default");

        Path deployed = platform.deploy(testTemplateJar());
        try {
            swapAndBack(id, before, waiting, deployed);
        } finally {
            Files.deleteIfExists(deployed);
        }
    }

    private void swapAndBack(long id, JsonNode before, JsonNode waiting, Path deployed) throws Exception {
        JsonNode swapped = await(id, c -> c.get("templateId").asText().equals("test-provincial")
                && c.get("status").asText().equals("GENERATED"), "the new template never took over");
        assertThat(swapped.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
        byte[] pdf = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        assertThat(Pdfs.text(pdf)).contains("职称证书（测试模板）", before.get("certificateNumber").asText());

        system.putBytes("/api/v1/persons/" + waiting.get("personId").asLong() + "/photo", "image/jpeg",
                Images.jpeg(Images.halves(600, 840, Color.BLUE, Color.WHITE)));
        JsonNode fresh = await(waiting.get("id").asLong(), c -> c.get("status").asText().equals("GENERATED"),
                "never generated");
        assertThat(fresh.get("templateId").asText()).as("new certificates use it too").isEqualTo("test-provincial");

        Files.delete(deployed);
        JsonNode back = await(id, c -> c.get("templateId").asText().equals("default")
                && c.get("status").asText().equals("GENERATED"), "never fell back to the default template");
        assertThat(back.get("version").asInt()).isEqualTo(swapped.get("version").asInt() + 1);
        byte[] again = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        assertThat(Pdfs.text(again)).contains("专业技术资格证书").doesNotContain("测试模板");
        assertThat(Pdfs.qr(again)).isEqualTo(back.get("verificationUrl").asText());
    }

    @Test
    @Order(2)
    void aSealConfigurationAddedAtRunTimeResealsItsIssuersCertificatesAndItsRemovalLeavesThemAsTheyAre()
            throws Exception {
        long filing = system.get("/api/v1/filings?approvalNumber=" + java.net.URLEncoder.encode("合职改〔2021〕156号",
                java.nio.charset.StandardCharsets.UTF_8)).json().at("/items/0/id").asLong();
        List<JsonNode> certs = TestFixtures.settledCertificates(system, filing,
                system.get("/api/v1/filings/" + filing).json().get("rosterSize").asInt());
        JsonNode before = certs.stream().filter(c -> c.get("status").asText().equals("GENERATED")).findFirst().orElseThrow();
        JsonNode waiting = certs.stream().filter(c -> c.get("status").asText().equals("NOT_GENERATED")).findFirst().orElseThrow();
        assertThat(before.get("sealStatus").asText()).isEqualTo("UNSEALED");

        org.titlecert.sealkit.SealKit.Issued ca = org.titlecert.sealkit.SealKit.authority("合肥市电子印章中心",
                java.time.Duration.ofDays(365));
        Path seals = Files.createDirectories(platform.home().resolve("data/test-seals"));
        Path ks = seals.resolve("HFGCZP.p12");
        org.titlecert.sealkit.SealKit.writePkcs12(ks, "hfgczp-pass".toCharArray(), "seal",
                org.titlecert.sealkit.SealKit.seal(ca, "合肥市工程系列中级专业技术资格评审委员会", java.time.Duration.ofDays(365)), ca);
        Files.writeString(seals.resolve("HFGCZP.password"), "hfgczp-pass\n");
        Files.write(seals.resolve("HFGCZP.png"), org.titlecert.sealkit.SealKit.image("合肥市工程系列中级专业技术资格评审委员会", "评审专用章"));
        Files.writeString(platform.home().resolve("etc/titlecert-trust/hefei-seal-ca.pem"),
                org.titlecert.sealkit.SealKit.pem(ca.certificate()));
        platform.config("org.titlecert.seal.pkcs12-testHFGCZP", "seal.issuer = HFGCZP", "keystore = " + ks,
                "passwordFile = " + seals.resolve("HFGCZP.password"), "image = " + seals.resolve("HFGCZP.png"));

        long id = before.get("id").asLong();
        JsonNode resealed = await(id, c -> c.get("sealStatus").asText().equals("PARTIAL")
                && c.get("status").asText().equals("GENERATED"), "the committee's new seal never arrived");
        assertThat(resealed.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
        byte[] pdf = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        String url = resealed.get("verificationUrl").asText();
        JsonNode check = platform.api().postBytes("/api/v1/verify/" + url.substring(url.lastIndexOf('/') + 1) + "/check",
                "application/pdf", pdf).json();
        assertThat(check.get("outcome").asText()).isEqualTo("CURRENT");
        assertThat(check.at("/seals/seals")).hasSize(1);
        assertThat(check.at("/seals/seals/0/signer").asText()).isEqualTo("合肥市工程系列中级专业技术资格评审委员会");
        assertThat(check.at("/seals/seals/0/trusted").asBoolean()).isTrue();

        Files.delete(platform.home().resolve("etc/org.titlecert.seal.pkcs12-testHFGCZP.cfg"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (system.get("/api/v1/seals").json().findParents("code").stream()
                .anyMatch(s -> s.get("code").asText().equals("HFGCZP") && s.has("provider"))) {
            assertThat(System.nanoTime()).as("the seal provider never went away").isLessThan(deadline);
            Platform.sleep(200);
        }
        system.putBytes("/api/v1/persons/" + waiting.get("personId").asLong() + "/photo", "image/jpeg",
                Images.jpeg(Images.halves(600, 840, Color.GREEN, Color.WHITE)));
        JsonNode fresh = await(waiting.get("id").asLong(), c -> c.get("status").asText().equals("GENERATED"),
                "never generated");
        assertThat(fresh.get("sealStatus").asText()).as("new certificates are unsealed again").isEqualTo("UNSEALED");
        JsonNode kept = system.get("/api/v1/certificates/" + id).json();
        assertThat(kept.get("sealStatus").asText()).as("existing ones stay as they are").isEqualTo("PARTIAL");
        assertThat(kept.get("version").asInt()).isEqualTo(resealed.get("version").asInt());
    }

    @Test
    @Order(3)
    void aBusyQueueSaysHowLongAndAKilledBatchResumesWithEveryCertificateGeneratedAndIntact() throws Exception {
        int people = 600;
        long filing = TestFixtures.filledFiling(system, "断电恢复测试", 2015, TestFixtures.roster(people, 8000));
        byte[] zip = TestFixtures.photoZip(TestFixtures.personIds(system, filing).keySet(),
                Images.jpeg(Images.halves(300, 420, Color.GRAY, Color.WHITE)));
        JsonNode report = system.postBytes("/api/v1/photo-imports", "application/zip", zip).json();
        assertThat(report.size()).isEqualTo(people);
        TestFixtures.approve(system, filing);

        JsonNode last;
        do {
            last = system.get("/api/v1/filings/" + filing + "/certificates?size=1&page=" + people).json();
        } while (last.get("items").isEmpty() && sleep());
        Api.Response busy = system.get("/api/v1/certificates/" + last.at("/items/0/id").asLong() + "/pdf");
        assertThat(busy.status()).as("the last of %d in the queue", people).isEqualTo(503);
        assertThat(busy.json().get("code").asText()).isEqualTo("CERTIFICATE_BUSY");
        assertThat(busy.json().get("message").asText()).matches("证书生成排队中，请约 \\d+ 秒后再试");
        assertThat(Integer.parseInt(busy.header("Retry-After"))).isPositive();

        long generated = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (generated < 10 && System.nanoTime() < deadline) {
            generated = system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=1").json()
                    .get("total").asLong();
            Platform.sleep(20);
        }
        platform.kill();
        assertThat(generated).as("killed in the middle of the batch").isBetween(10L, people - 1L);

        platform.start();
        List<JsonNode> certs = TestFixtures.settledCertificates(system, filing, people);
        assertThat(certs).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
        for (JsonNode c : certs.subList(0, 100)) {
            byte[] pdf = system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
            assertThat(CertificateApiIT.Sha.of(pdf)).as(c.get("certificateNumber").asText())
                    .isEqualTo(c.get("sha256").asText());
        }
        try (Stream<Path> files = Files.walk(platform.home().resolve("data/certificates"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).noneMatch(f -> f.getFileName().toString().startsWith(".incoming-"));
            Map<String, Boolean> onDisk = new java.util.HashMap<>();
            all.forEach(f -> onDisk.put(f.getFileName().toString().replace(".pdf", ""), true));
            assertThat(certs).allSatisfy(c -> assertThat(onDisk).containsKey(c.get("sha256").asText()));
        }
    }

    /**
     * Issue 16: certificates made while QR codes pointed at this machine are made again, in bulk, by a system
     * admin once the public address is set; each version goes up and each QR code carries the new address.
     */
    @Test
    @Order(4)
    void aSystemAdminRegeneratesEveryCertificateOnceTheQrAddressIsSet() {
        long filing = TestFixtures.filledFiling(system, "二维码地址更正", 2020, TestFixtures.roster(2, 7_300));
        TestFixtures.personIds(system, filing).values().forEach(person -> system.putBytes("/api/v1/persons/" + person
                + "/photo", "image/jpeg", CertificateApiIT.photo(Color.PINK)));
        TestFixtures.approve(system, filing);
        List<JsonNode> before = TestFixtures.settledCertificates(system, filing, 2);
        assertThat(Pdfs.qr(system.get("/api/v1/certificates/" + before.get(0).get("id").asLong() + "/pdf").bytes()))
                .startsWith(platform.url("/v/"));

        String publicBase = "https://zcps.example.gov.cn";
        platform.config("org.titlecert.certificate", "publicBaseUrl = " + publicBase, "workers = 1",
                "readyWaitMillis = 500");
        long deadline = System.nanoTime() + 60_000_000_000L;
        // the engine restarts with its new configuration, and the API with it: wait until it answers anew
        while (!applied(system.get("/api/v1/certificates/" + before.get(0).get("id").asLong()), publicBase)) {
            assertThat(System.nanoTime()).as("new address applied").isLessThan(deadline);
            Platform.sleep(200);
        }
        Api unit = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        assertThat(unit.post("/api/v1/certificates/regenerate-all", "").status()).as("system admins only")
                .isEqualTo(403);
        int count = system.post("/api/v1/certificates/regenerate-all?dryRun=true", "").json().get("wouldQueue").asInt();
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(system.post("/api/v1/certificates/regenerate-all", "").json().get("queued").asInt())
                .isGreaterThanOrEqualTo(2);
        for (JsonNode c : before) {
            long id = c.get("id").asLong();
            JsonNode after = await(id, x -> x.get("status").asText().equals("GENERATED")
                    && x.get("version").asInt() > c.get("version").asInt(), "regenerated");
            assertThat(after.get("certificateNumber").asText()).isEqualTo(c.get("certificateNumber").asText());
            assertThat(Pdfs.qr(system.get("/api/v1/certificates/" + id + "/pdf").bytes()))
                    .as("the QR code now opens on a phone").startsWith(publicBase + "/v/");
        }
        assertThat(system.get("/api/v1/audit?action=CERTIFICATE_REGENERATE_ALL&size=1").json().at("/items/0/detail")
                .asText()).contains(publicBase);
        platform.config("org.titlecert.certificate", "publicBaseUrl = " + platform.url(""), "workers = 1",
                "readyWaitMillis = 500");
        while (!applied(system.get("/api/v1/certificates/" + before.get(0).get("id").asLong()), platform.url(""))) {
            Platform.sleep(200);
        }
    }

    private static boolean applied(Api.Response certificate, String base) {
        return certificate.status() == 200 && certificate.json().path("verificationUrl").asText().startsWith(base);
    }
}
