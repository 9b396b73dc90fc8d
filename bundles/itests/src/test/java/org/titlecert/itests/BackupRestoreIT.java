package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An online backup taken while a 2,000-person filing generates, restored with {@code bin/titlecert-restore} into
 * a fresh copy of the distribution: every certificate there is generated with its file matching its SHA-256 or is
 * queued again (and then generated), no row points at a missing file, and the counts are those the backup
 * reported. A tampered backup, and a running platform, are refused without a change.
 */
@Order(2)
@DisabledIf("org.titlecert.itests.PostgresCluster#enabled")
class BackupRestoreIT {

    private static final int PEOPLE = 2000;
    private static Platform platform;
    private static Api system;

    @BeforeAll
    static void start() {
        platform = Platform.create("backup");
        platform.configureForTests();
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
    void aBackupTakenWhileAFilingGeneratesRestoresIntoAFreshDistribution() throws Exception {
        TestFixtures.awaitDemoSeals(system);
        long filing = TestFixtures.photographedFiling(system, system, "备份期间生成的批复", PEOPLE, 60000, "AHKJGP", "AHRS");
        JsonNode before = system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=1&page=1")
                .json();
        TestFixtures.approve(system, filing);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (generated(filing) < 100) {
            assertThat(System.nanoTime()).as("generation never started").isLessThan(deadline);
            Platform.sleep(50);
        }

        Api.Response started = system.post("/api/v1/backups", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith("/api/v1/backups/" + started.json().get("id").asText());
        Api.Response second = system.post("/api/v1/backups", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("BACKUP_RUNNING");
        long generatedWhenStarted = generated(filing);

        JsonNode report = awaitBackup(started.header("Location"));
        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("DONE");
        assertThat(report.get("missing")).isEmpty();
        long generatedWhenDone = generated(filing);
        System.out.printf("backup during generation: %d of %d generated at its start, %d at its end; report %s%n",
                generatedWhenStarted, PEOPLE, generatedWhenDone, report);
        assertThat(generatedWhenStarted).as("the backup ran while the filing generated").isLessThan(PEOPLE);
        assertThat(before.get("total").asLong()).isZero();

        Path backup = Path.of(report.get("directory").asText());
        assertThat(backup).startsWith(platform.home().resolve("backups"));
        Map<String, Long> reportedRows = counts(report.get("rows"));
        assertThat(reportedRows.get("TC_CERTIFICATE")).isGreaterThanOrEqualTo(PEOPLE);
        assertThat(Files.readAllLines(backup.resolve("files.sha256"))).hasSize(report.get("filesCopied").asInt());
        assertThat(report.get("filesCopied").asLong()).isEqualTo(counts(report.get("files")).values().stream()
                .mapToLong(Long::longValue).sum());
        JsonNode listed = system.get("/api/v1/backups").json();
        assertThat(listed.get(0).get("id").asText()).isEqualTo(report.get("id").asText());
        JsonNode audited = system.get("/api/v1/audit?action=BACKUP").json().get("items").get(0);
        assertThat(audited.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(audited.get("target").asText()).isEqualTo(backup.toString());

        // a certificate made before the backup, to be verified on the restored platform
        JsonNode early = system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=1&page=1")
                .json().get("items").get(0);
        byte[] earlyPdf = system.get("/api/v1/certificates/" + early.get("id").asLong() + "/pdf").bytes();

        Platform restored = Platform.create("restored");
        try {
            restored.configureForTests();
            // the running platform, and a backup with one file changed, are refused without a change
            Path runningRefusal = Files.createTempFile("restore", ".txt");
            assertThat(restore(platform, backup, runningRefusal)).isEqualTo(1);
            assertThat(Files.readString(runningRefusal)).contains("平台正在运行");

            Path tampered = platform.home().resolve("tampered");
            Platform.copyTree(backup, tampered);
            try (Stream<Path> pdfs = Files.walk(tampered.resolve("store/certificates"))) {
                Path victim = pdfs.filter(Files::isRegularFile).findFirst().orElseThrow();
                byte[] bytes = Files.readAllBytes(victim);
                bytes[bytes.length / 2] ^= 1;
                Files.write(victim, bytes);
            }
            Path tamperedOut = Files.createTempFile("restore", ".txt");
            assertThat(restore(restored, tampered, tamperedOut)).isEqualTo(1);
            assertThat(Files.readString(tamperedOut)).contains("备份文件校验失败");
            assertThat(restored.home().resolve("data/titlecert/derby")).doesNotExist();

            Path out = Files.createTempFile("restore", ".txt");
            assertThat(restore(restored, backup, out)).as(Files.readString(out)).isZero();
            assertThat(Files.readString(out)).contains("Restored " + backup.getFileName());
            Files.copy(platform.home().resolve("data/demo-accounts.txt"),
                    restored.home().resolve("data/demo-accounts.txt"));

            long queuedAgain = checkRestoredDatabase(restored, reportedRows);
            System.out.printf("restored: %d certificates queued again%n", queuedAgain);
            assertThat(queuedAgain).as("generating when the backup was taken").isPositive();

            restored.start();
            Api restoredSystem = restored.system();
            List<JsonNode> certificates = TestFixtures.settledCertificates(restoredSystem, filing, PEOPLE, 300);
            assertThat(certificates).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
            assertThat(certificates.stream().map(c -> c.get("certificateNumber").asText()).distinct()).hasSize(PEOPLE);
            assertThat(restoredSystem.get("/api/v1/certificates/" + early.get("id").asLong() + "/pdf").bytes())
                    .as("served as before the backup").isEqualTo(earlyPdf);
            String url = early.get("verificationUrl").asText();
            JsonNode check = restored.api().postBytes("/api/v1/verify/" + url.substring(url.lastIndexOf('/') + 1)
                    + "/check", "application/pdf", earlyPdf).json();
            assertThat(check.get("outcome").asText()).as(check.toString()).isEqualTo("CURRENT");
        } finally {
            restored.stop();
        }
    }

    @Test
    void onlySystemAdminsBackUp() {
        DemoAccounts.Account unitKey = platform.accounts().of("unitapi", "AHCZ");
        Api.Response refused = platform.api().withKey(unitKey.secret()).post("/api/v1/backups", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(system.get("/api/v1/backups/no-such-backup").json().get("code").asText())
                .isEqualTo("BACKUP_NOT_FOUND");
    }

    private static long generated(long filing) {
        return system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=1&page=1").json()
                .get("total").asLong();
    }

    private static JsonNode awaitBackup(String location) {
        String path = location.substring(location.indexOf("/api/v1/"));
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            JsonNode s = system.get(path).json();
            if (!s.get("state").asText().equals("RUNNING")) {
                return s;
            }
            assertThat(System.nanoTime()).as("backup still running: %s", s).isLessThan(deadline);
            Platform.sleep(200);
        }
    }

    /**
     * The restored database as an operator's SQL tool sees it before the platform starts: the rows the backup
     * reported, every file a row refers to present and matching its SHA-256, every certificate generated with its
     * file or queued again; returns how many are queued.
     */
    private static long checkRestoredDatabase(Platform restored, Map<String, Long> reportedRows) throws Exception {
        Path data = restored.home().resolve("data");
        try (Connection c = restored.connectDatabase(); Statement s = c.createStatement()) {
            Map<String, Long> rows = new TreeMap<>();
            for (String table : reportedRows.keySet()) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    rows.put(table, r.getLong(1));
                }
            }
            assertThat(rows).isEqualTo(reportedRows);
            long queued = 0;
            try (ResultSet r = s.executeQuery("SELECT STATUS, SHA256, CLAIMED_BY FROM TC_CERTIFICATE")) {
                while (r.next()) {
                    String status = r.getString(1);
                    assertThat(status).isIn("GENERATED", "QUEUED", "NOT_GENERATED");
                    queued += status.equals("QUEUED") ? 1 : 0;
                    if (status.equals("GENERATED")) {
                        assertStored(data.resolve("certificates"), r.getString(2), ".pdf");
                    }
                }
            }
            for (String sha : column(s, "SELECT SHA256 FROM TC_CERTIFICATE WHERE SHA256 IS NOT NULL")) {
                assertStored(data.resolve("certificates"), sha, ".pdf");
            }
            for (String sha : column(s, "SELECT SHA256 FROM TC_PHOTO")) {
                assertStored(data.resolve("photos"), sha, ".jpg");
            }
            for (String sha : column(s, "SELECT DOC_SHA256 FROM TC_FILING WHERE DOC_SHA256 IS NOT NULL")) {
                assertStored(data.resolve("approval-documents"), sha, ".pdf");
            }
            return queued;
        } finally {
            restored.closeDerby();
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static void assertStored(Path area, String sha, String extension) throws IOException {
        Path file = area.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + extension);
        assertThat(file).as("the file of a row").exists();
        assertThat(CertificateApiIT.Sha.of(Files.readAllBytes(file))).isEqualTo(sha);
    }

    private static int restore(Platform into, Path backup, Path output) throws Exception {
        Process p = new ProcessBuilder("sh", into.home().resolve("bin/titlecert-restore").toString(), backup.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return p.waitFor();
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
