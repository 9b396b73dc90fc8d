package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The file store in S3-compatible object storage (a real S3 API server, S3Proxy): certificates, photos and
 * approval documents are objects in the bucket, named by their SHA-256, and nothing is written to local folders.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3FileStoreIT {

    private static S3Server s3;
    private static Platform platform;
    private static Api system;
    private static List<JsonNode> certificates;

    @BeforeAll
    static void start() {
        s3 = S3Server.start(Path.of(System.getProperty("titlecert.work")).resolve("s3-objects"));
        platform = Platform.create("s3-store");
        platform.configureForTests();
        s3.configure(platform);
        platform.start();
        system = platform.system();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void certificatesPhotosAndApprovalDocumentsAreObjectsInTheBucket() throws Exception {
        TestFixtures.awaitDemoSeals(system);
        byte[] document = TestFixtures.pdf();
        long filing = TestFixtures.filing(system, "对象存储批复", 2024, "REVIEW").get("id").asLong();
        TestFixtures.filledFiling(system, filing, TestFixtures.roster(12, 47000));
        byte[] photo = Images.jpeg(Images.halves(413, 579, new Color(0x2E, 0x7D, 0x32), Color.WHITE));
        assertThat(system.postBytes("/api/v1/photo-imports", "application/zip",
                TestFixtures.photoZip(TestFixtures.personIds(system, filing).keySet(), photo)).json().size())
                .isEqualTo(12);
        TestFixtures.approve(system, filing);
        certificates = TestFixtures.settledCertificates(system, filing, 12);

        for (JsonNode c : certificates) {
            assertThat(c.get("status").asText()).isEqualTo("GENERATED");
            String sha = c.get("sha256").asText();
            byte[] pdf = system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
            assertThat(CertificateApiIT.Sha.of(pdf)).isEqualTo(sha);
            assertThat(object("certificates", sha, ".pdf")).exists().hasBinaryContent(pdf);
        }
        String docSha = system.get("/api/v1/filings/" + filing).json().get("approvalDocument").get("sha256").asText();
        byte[] downloaded = system.get("/api/v1/filings/" + filing + "/approval-document").bytes();
        assertThat(CertificateApiIT.Sha.of(downloaded)).isEqualTo(docSha);
        assertThat(object("approval-documents", docSha, ".pdf")).exists().hasBinaryContent(downloaded);
        long person = TestFixtures.personIds(system, filing).values().iterator().next();
        byte[] stored = system.get("/api/v1/persons/" + person + "/photo").bytes();
        assertThat(object("photos", CertificateApiIT.Sha.of(stored), ".jpg")).exists().hasBinaryContent(stored);

        try (Stream<Path> data = Files.list(platform.home().resolve("data"))) {
            assertThat(data.map(p -> p.getFileName().toString()))
                    .as("nothing in local folders").doesNotContain("certificates", "photos", "approval-documents");
        }
        assertThat(document).isNotEmpty();
    }

    @Test
    @Order(2)
    void afterARestartTheSameObjectsServe() throws Exception {
        platform.restart();
        JsonNode c = certificates.get(5);
        byte[] pdf = system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
        assertThat(CertificateApiIT.Sha.of(pdf)).isEqualTo(c.get("sha256").asText());
        JsonNode verification = platform.api().get("/api/v1/verify/" + token(c)).json();
        assertThat(verification.get("sha256").asText()).isEqualTo(c.get("sha256").asText());
    }

    private static Path object(String area, String sha, String extension) {
        return s3.objects().resolve(area).resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha + extension);
    }

    private static String token(JsonNode certificate) {
        String url = certificate.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

}
