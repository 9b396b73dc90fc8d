package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data on a small tmpfs filled to the last byte — the file store, and on embedded Derby the database too:
 * uploads answer 503 DISK_FULL with 磁盘空间不足 and Retry-After, generation keeps its certificates queued (none
 * failed), an approval whose certificates cannot be recorded yet has them recorded once it can, readiness says
 * the store is not writable, and nothing half-written stays. Once space returns the platform carries on by itself,
 * without a restart.
 */
@Order(3)
class DiskFullIT {

    private static final int PEOPLE = 40;
    private static Platform platform;
    private static Api system;
    private static Path store;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.create("diskfull");
        platform.configureForTests();
        store = Files.createDirectories(platform.home().resolve("store"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", store.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "this machine cannot mount a tmpfs: "
                + new String(mount.getInputStream().readAllBytes()));
        platform.config("org.titlecert.store", "type = local", "directory = " + store);
        if (!PostgresCluster.enabled()) {
            // the embedded database on the same small disk, as the data folder is by default
            platform.config("org.ops4j.datasource-titlecert", "osgi.jdbc.driver.name = derby",
                    "url = jdbc:derby:" + store.resolve("derby") + ";create=true", "dataSourceName = titlecert",
                    "pool = dbcp2", "xa = false", "pool.maxTotal = 16", "pool.maxIdle = 8", "pool.testOnBorrow = true");
        }
        platform.start();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (store != null) {
            new ProcessBuilder("umount", store.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullDiskIsRefusedCleanlyAndForgottenWhenSpaceReturns() throws Exception {
        long filing = TestFixtures.photographedFiling(system, system, "磁盘满时审核的批复", PEOPLE, 90000, "AHKJGP", "AHRS");
        long pending = TestFixtures.filing(system, "磁盘满时上传的批复", 2024, "REVIEW").get("id").asLong();
        long person = TestFixtures.personIds(system, filing).values().iterator().next();
        // the database quiet first: the demo's notices delivered, so that no checkpoint frees log files after the fill
        MailServer.await("the notices delivered", () -> {
            Api.Response q = system.get("/api/v1/metrics/notices");
            return q.status() == 200 && q.json().findValues("pending").stream().allMatch(n -> n.asLong() == 0);
        });
        Path filler = store.resolve("filler");
        fill(filler);

        Api.Response document = system.putBytes("/api/v1/filings/" + pending + "/approval-document?filename=批复.pdf",
                "application/pdf", TestFixtures.pdf());
        assertDiskFull(document);
        assertDiskFull(system.putBytes("/api/v1/persons/" + person + "/photo", "image/jpeg",
                CertificateApiIT.photo(Color.ORANGE)));
        Api.Response approval = system.post("/api/v1/filings/" + filing + "/approve", "");
        boolean approved = approval.status() == 200;
        if (!approved) {
            // the database itself could not write: refused as a full disk. Either nothing of it was kept, or (the
            // audit log being written after the approval commits) the approval was kept and its audit entry not
            assertDiskFull(approval);
            approved = system.get("/api/v1/filings/" + filing).json().get("status").asText().equals("APPROVED");
            assertThat(approved || system.get("/api/v1/filings/" + filing).json().get("status").asText()
                    .equals("PENDING")).as("approved or not, nothing between").isTrue();
        }
        Platform.sleep(8000);
        // kept in the queue, none failed; with the database on the full disk too, not even recorded yet
        List<String> statuses = system.get("/api/v1/filings/" + filing + "/certificates?size=100").json()
                .get("items").findValuesAsText("status");
        // none failed: each kept in the queue, or made in space the embedded database freed meanwhile (a checkpoint
        // removing old log files), never half-written
        assertThat(statuses).as("none failed").allMatch(st -> st.equals("QUEUED") || st.equals("GENERATED"));
        if (PostgresCluster.enabled()) {
            assertThat(statuses).hasSize(PEOPLE);
        }
        // the embedded database shares the disk, and a checkpoint may have removed old log files meanwhile:
        // what it freed is taken again, and the readiness probe (kept 5 s) looks afresh
        Path topUp = store.resolve("filler-2");
        fill(topUp);
        Platform.sleep(5500);
        Api.Response ready = platform.api().get("/api/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().at("/checks/store").asBoolean()).isFalse();
        assertThat(system.get("/api/v1/filings/" + pending + "/approval-document").status()).isEqualTo(404);
        assertThat(partialFiles()).as("half-written files").isEmpty();
        if (statuses.contains("QUEUED")) {
            assertThat(system.get("/api/v1/metrics").body())
                    .contains("titlecert_certificate_failures_total{reason=\"DISK_FULL\"}");
        }

        Files.delete(filler);
        Files.delete(topUp);
        long back = System.nanoTime();
        if (!approved) {
            platform.awaitHealthy(java.time.Duration.ofSeconds(60));
            TestFixtures.approve(system, filing);
        }
        List<JsonNode> generated = TestFixtures.settledCertificates(system, filing, PEOPLE, 120);
        assertThat(generated).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
        System.out.printf("space back: %d certificates generated within %.1f s%n", PEOPLE,
                (System.nanoTime() - back) / 1e9);
        platform.awaitHealthy(java.time.Duration.ofSeconds(30));
        assertThat(system.putBytes("/api/v1/filings/" + pending + "/approval-document?filename=批复.pdf",
                "application/pdf", TestFixtures.pdf()).status()).isEqualTo(200);
        assertThat(system.putBytes("/api/v1/persons/" + person + "/photo", "image/jpeg",
                CertificateApiIT.photo(Color.ORANGE)).status()).isEqualTo(200);
        assertThat(partialFiles()).isEmpty();
    }

    private static void assertDiskFull(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.json().get("code").asText()).isEqualTo("DISK_FULL");
        assertThat(r.json().get("message").asText()).startsWith("磁盘空间不足");
        assertThat(r.header("Retry-After")).isEqualTo("30");
        assertThat(r.body()).doesNotContain("Exception");
    }

    /** Writes zeros until the file system has no byte left. */
    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[4 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        assertThat(Files.getFileStore(filler).getUsableSpace()).isLessThan(4 * 1024);
    }

    private static List<Path> partialFiles() throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".incoming-")).toList();
        }
    }
}
