package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The certificate's machine-readable twin: a W3C Verifiable Credential 2.0 signed with a key the platform publishes,
 * attached to the PDF, downloadable as the PDF is, checked by the public check like a PDF, and revoked through the
 * Bitstring Status List its {@code credentialStatus} names, which anyone verifies with the published key alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialIT {

    private static final int OFFSET = 98600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Platform platform;
    private static Api system;
    private static Api holder;
    private static JsonNode mine;
    private static JsonNode other;
    private static String[] person;
    private static String firstCredential;

    @BeforeAll
    static void issued() {
        platform = Platform.shared();
        system = platform.system();
        // the demo seals arrive a moment after a start and seal the demo unit's issuers again: not during this test
        TestFixtures.awaitDemoSeals(system);
        long filing = TestFixtures.photographedFiling(system, system, "凭证测试", 2, OFFSET, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        List<JsonNode> issued = TestFixtures.settledCertificates(system, filing, 2);
        person = TestFixtures.rows(2, OFFSET).get(0).split(",");
        mine = issued.stream().filter(c -> c.get("personName").asText().equals(person[0])).findFirst().orElseThrow();
        other = issued.stream().filter(c -> c != mine).findFirst().orElseThrow();
        holder = TestFixtures.confirmedAccount(platform, person, "credential" + OFFSET + "@example.com", "Pingzheng2026ok");
    }

    private static String path(JsonNode c, String what) {
        return "/api/v1/certificates/" + c.get("id").asLong() + "/" + what;
    }

    private static String check(JsonNode c) {
        String url = c.get("verificationUrl").asText();
        return "/api/v1/verify/" + url.substring(url.lastIndexOf('/') + 1) + "/check";
    }

    /** The JWS verified with the key the platform publishes for its kid; its payload. */
    private static JsonNode verified(String compact) throws Exception {
        JWSObject jws = JWSObject.parse(compact);
        JWKSet keys = JWKSet.parse(platform.api().get("/api/v1/credentials/keys").body());
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key).as("the signing key is published").isNotNull();
        assertThat(key.isPrivate()).as("only its public half").isFalse();
        assertThat(jws.verify(new ECDSAVerifier(key))).as("signature").isTrue();
        return JSON.readTree(jws.getPayload().toString());
    }

    @Test
    @Order(1)
    void eachCertificateHasASignedCredentialWithItsFieldsAttachedToThePdfAndScopedAsThePdfIs() throws Exception {
        Api.Response r = system.get(path(mine, "credential"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/vc+jwt");
        assertThat(r.header("Content-Disposition")).contains("attachment").contains(".jwt");
        firstCredential = r.body();
        JWSHeader header = JWSObject.parse(firstCredential).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getType().getType()).isEqualTo("vc+jwt");

        JsonNode vc = verified(firstCredential);
        assertThat(vc.at("/@context/0").asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(vc.get("type").toString()).contains("VerifiableCredential", "ProfessionalTitleCredential");
        assertThat(vc.get("id").asText()).isEqualTo(mine.get("verificationUrl").asText());
        JsonNode subject = vc.get("credentialSubject");
        String number = mine.get("certificateNumber").asText();
        assertThat(subject.get("certificateNumber").asText()).isEqualTo(number);
        assertThat(subject.get("name").asText()).isEqualTo(person[0]);
        assertThat(subject.get("titleName").asText()).isNotBlank();
        assertThat(subject.at("/licence/证照编号").asText()).isEqualTo(number);
        // the ID number only as the 电子证照 metadata gives it: its middle hidden
        assertThat(subject.at("/licence/持证主体代码").asText()).contains("*");
        assertThat(firstCredential + vc).doesNotContain(person[1]);
        long id = mine.get("id").asLong();
        JsonNode status = vc.get("credentialStatus");
        assertThat(status.get("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(status.get("statusListIndex").asText()).isEqualTo(Long.toString(id % 131_072));
        assertThat(status.get("statusListCredential").asText()).endsWith("/api/v1/credentials/status/" + id / 131_072);

        // the very same bytes are attached to the PDF (under its seals)
        try (PDDocument pdf = Loader.loadPDF(system.get(path(mine, "pdf")).bytes())) {
            var files = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(new String(files.get("credential.jwt").getEmbeddedFile().toByteArray(), StandardCharsets.US_ASCII))
                    .isEqualTo(firstCredential);
        }

        // the holder gets theirs; nobody gets another's, nor learns whether it exists
        assertThat(holder.get(path(mine, "credential")).body()).isEqualTo(firstCredential);
        Api.Response foreign = holder.get(path(other, "credential"));
        assertThat(foreign.status()).isEqualTo(holder.get(path(other, "pdf")).status()).isIn(403, 404);
        assertThat(platform.api().get(path(mine, "credential")).status()).isEqualTo(401);
        // each download is in the audit log
        assertThat(system.get("/api/v1/audit?action=CERTIFICATE_DOWNLOAD&size=50").body())
                .contains(number + " v" + mine.get("version").asInt() + " VC");
    }

    @Test
    @Order(2)
    void thePublicCheckTellsTheCurrentCredentialFromATamperedAForeignAndASupersededOne() throws Exception {
        Api anyone = platform.api();
        JsonNode current = anyone.postBytes(check(mine), "application/vc+jwt",
                firstCredential.getBytes(StandardCharsets.US_ASCII)).json();
        assertThat(current.get("outcome").asText()).as("%s", current).isEqualTo("CURRENT");
        assertThat(current.at("/seals/seals/0/intact").asBoolean()).isTrue();
        assertThat(current.at("/seals/seals/0/trusted").asBoolean()).isTrue();

        // another name in the payload, the signature kept
        String[] parts = firstCredential.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(person[0], "李四").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        JsonNode tampered = anyone.postBytes(check(mine), "application/vc+jwt", forged.getBytes(StandardCharsets.US_ASCII)).json();
        assertThat(tampered.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        assertThat(tampered.at("/seals/seals/0/intact").asBoolean()).isFalse();
        assertThat(tampered.at("/seals/seals/0/problem").asText()).contains("改动");

        // the same credential signed by a key the platform never published
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(JWSObject.parse(firstCredential).getHeader().getKeyID())
                .generate();
        JWSObject copy = new JWSObject(JWSObject.parse(firstCredential).getHeader(), new Payload(payload));
        copy.sign(new ECDSASigner(stranger));
        JsonNode foreign = anyone.postBytes(check(mine), "application/vc+jwt",
                copy.serialize().getBytes(StandardCharsets.US_ASCII)).json();
        assertThat(foreign.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        assertThat(foreign.at("/seals/seals/0/intact").asBoolean()).isFalse();

        // generated again: a new credential; the first one is genuine but superseded
        assertThat(system.post(path(mine, "regenerate"), "").status()).isEqualTo(200);
        int first = mine.get("version").asInt();
        String second = awaitVersion(first + 1);
        assertThat(second).isNotEqualTo(firstCredential);
        verified(second);
        assertThat(anyone.postBytes(check(mine), "application/vc+jwt", second.getBytes(StandardCharsets.US_ASCII))
                .json().get("outcome").asText()).isEqualTo("CURRENT");
        JsonNode old = anyone.postBytes(check(mine), "application/vc+jwt",
                (firstCredential + "\n").getBytes(StandardCharsets.US_ASCII)).json();
        assertThat(old.get("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(old.get("matchedVersion").asInt()).isEqualTo(first);
        // another certificate's credential is not this one's
        String others = system.get(path(other, "credential")).body();
        assertThat(anyone.postBytes(check(mine), "application/vc+jwt", others.getBytes(StandardCharsets.US_ASCII))
                .json().get("outcome").asText()).isEqualTo("NOT_GENUINE");
    }

    @Test
    @Order(3)
    void theCheckFormTakesACredentialFile() throws Exception {
        Path file = Files.createTempFile("credential", ".jwt");
        Files.writeString(file, system.get(path(mine, "credential")).body());
        WebDriver browser = Browser.start();
        try {
            browser.get(mine.get("verificationUrl").asText().replaceFirst("^https?://[^/]+", platform.url("")));
            browser.findElement(By.id("check-file")).sendKeys(file.toString());
            browser.findElement(By.id("check-submit")).click();
            assertThat(browser.findElement(By.id("check-result")).getText()).contains("当前有效的原始文件");
            assertThat(browser.findElement(By.cssSelector("#seal-checks tbody tr")).getText())
                    .contains("可验证凭证签名密钥", "完好", "本平台信任");
            Browser.screenshot(browser, "verify-credential");
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void revocationShowsInTheSignedStatusListTheCredentialPointsTo() throws Exception {
        JsonNode status = verified(system.get(path(mine, "credential")).body()).get("credentialStatus");
        String list = status.get("statusListCredential").asText();
        String listPath = list.substring(list.indexOf("/api/v1/"));
        int index = status.get("statusListIndex").asInt();
        int otherIndex = (int) (other.get("id").asLong() % 131_072);
        assertThat(revoked(listPath, index)).isFalse();

        assertThat(system.post(path(mine, "revoke"), Map.of("reason", "FRAUD", "note", "凭证测试")).status())
                .isEqualTo(200);
        assertThat(revoked(listPath, index)).as("at once, on this node").isTrue();
        assertThat(revoked(listPath, otherIndex)).as("only the revoked one").isFalse();

        Api.Response unknown = platform.api().get("/api/v1/credentials/status/99999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("STATUS_LIST_NOT_FOUND");
    }

    /** The bit of the status list, read as any verifier does: the list credential verified, decoded, unzipped. */
    private static boolean revoked(String listPath, int index) throws Exception {
        Api.Response r = platform.api().get(listPath);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/vc+jwt");
        JsonNode vc = verified(r.body());
        assertThat(vc.get("type").toString()).contains("BitstringStatusListCredential");
        String encoded = vc.at("/credentialSubject/encodedList").asText();
        assertThat(encoded).startsWith("u");
        byte[] bits;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder()
                .decode(encoded.substring(1))))) {
            bits = in.readAllBytes();
        }
        assertThat(bits).hasSize(131_072 / 8);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** Waits for the certificate's version {@code n}; its credential. */
    private static String awaitVersion(int n) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode c = system.get("/api/v1/certificates/" + mine.get("id").asLong()).json();
            if (c.get("version").asInt() == n && c.get("status").asText().equals("GENERATED")) {
                return system.get(path(mine, "credential")).body();
            }
            Platform.sleep(100);
        }
        throw new AssertionError("version " + n + " not generated");
    }
}
