package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.titlecert.photo.internal.Images;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Power cuts: 20 rounds of {@code kill -9} on embedded Derby, each in the middle of a roster import, a photo
 * upload, an approval or a generation, then a restart. After every restart each write that was answered 2xx is
 * there, each that was not is there whole or not at all, no file is partial or corrupt, and at the end the queue
 * drains with no certificate number twice. Then {@code bin/stop} during generation returns every claim. (On
 * PostgreSQL, {@code TwoNodesIT} kills a node mid-generation.)
 */
@Order(1)
@DisabledIf("org.titlecert.itests.PostgresCluster#enabled")
class CrashIT {

    private static final int ROUNDS = 20;
    private static final int PEOPLE = 150;

    private enum Operation { ROSTER_IMPORT, PHOTO_UPLOAD, APPROVAL, GENERATION }

    private static Platform platform;
    private static Api system;
    private static final List<Long> approved = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = Platform.create("crash");
        platform.configureForTests();
        platform.start();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void twentyKillsLoseNothingAcknowledgedAndLeaveNothingHalfDone() throws Exception {
        Random random = new Random(20261202);
        Map<Operation, int[]> tally = new EnumMap<>(Operation.class); // killed before the answer, after it
        for (int round = 0; round < ROUNDS; round++) {
            Operation op = Operation.values()[round % 4];
            int offset = 70000 + round * PEOPLE;
            String name = "断电测试" + (round + 1);
            long filing;
            Supplier<Api.Response> write;
            switch (op) {
                case ROSTER_IMPORT -> {
                    filing = TestFixtures.filing(system, name, 2024, "REVIEW").get("id").asLong();
                    byte[] csv = TestFixtures.roster(PEOPLE * 4, offset).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    write = () -> system.postBytes("/api/v1/filings/" + filing + "/roster", "text/csv", csv);
                }
                case PHOTO_UPLOAD -> {
                    filing = TestFixtures.filledFiling(system, name, 2024, TestFixtures.roster(PEOPLE, offset));
                    byte[] zip = TestFixtures.photoZip(TestFixtures.personIds(system, filing).keySet(), photo(round));
                    write = () -> system.postBytes("/api/v1/photo-imports", "application/zip", zip);
                }
                case APPROVAL -> {
                    filing = TestFixtures.photographedFiling(system, system, name, PEOPLE, offset, "AHKJGP", "AHRS");
                    write = () -> system.post("/api/v1/filings/" + filing + "/approve", "");
                }
                default -> {
                    filing = TestFixtures.photographedFiling(system, system, name, PEOPLE, offset, "AHKJGP", "AHRS");
                    TestFixtures.approve(system, filing);
                    approved.add(filing);
                    awaitGenerated(filing, 20);
                    write = () -> system.get("/api/v1/certificates/queue");
                }
            }
            CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return write.get();
                } catch (RuntimeException e) {
                    return null; // the platform died first
                }
            });
            // a moment within the operation, as measured here: a roster import of 600 rows takes about half a
            // second, an import of 150 photos a few seconds, an approval some tens of milliseconds
            Platform.sleep(switch (op) {
                case ROSTER_IMPORT -> 20 + random.nextInt(600);
                case PHOTO_UPLOAD -> 100 + random.nextInt(4000);
                case APPROVAL -> random.nextInt(60);
                default -> random.nextInt(400);
            });
            platform.kill();
            Api.Response r = answer.get();
            boolean acknowledged = r != null && r.status() / 100 == 2;
            assertThat(r == null || acknowledged).as("round %d %s answered %s", round + 1, op,
                    r == null ? null : r.status() + " " + r.body()).isTrue();
            tally.computeIfAbsent(op, o -> new int[2])[acknowledged ? 1 : 0]++;

            double seconds = platform.start();
            assertNoPartialOrCorruptFiles();
            checkAfterRestart(op, filing, acknowledged, round);
            System.out.printf("round %d: kill -9 during %s, %s; restarted in %.1f s%n", round + 1, op,
                    acknowledged ? "after the answer" : "before the answer", seconds);
        }
        tally.forEach((op, t) -> System.out.printf("%s: %d killed before the answer, %d after%n", op, t[0], t[1]));

        // the queue drains: every approved filing's certificates generated
        for (long filing : approved) {
            assertThat(TestFixtures.settledCertificates(system, filing, PEOPLE, 300))
                    .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
        }

        // a graceful stop during generation returns the claims and loses nothing
        long last = TestFixtures.photographedFiling(system, system, "正常停止测试", PEOPLE, 99000, "AHKJGP", "AHRS");
        TestFixtures.approve(system, last);
        awaitGenerated(last, 20);
        platform.stopWithScript();
        try (Connection c = platform.connectDatabase(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM TC_CERTIFICATE WHERE CLAIMED_BY IS NOT NULL"))
                    .as("claims after a graceful stop").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT CERT_NUMBER FROM TC_CERTIFICATE GROUP BY CERT_NUMBER "
                    + "HAVING COUNT(*) > 1) d")).as("certificate numbers given twice").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT FILING_ID, PERSON_ID FROM TC_ROSTER_ENTRY "
                    + "GROUP BY FILING_ID, PERSON_ID HAVING COUNT(*) > 1) d")).as("a person twice on a roster").isZero();
            try (ResultSet r = s.executeQuery("SELECT SHA256 FROM TC_CERTIFICATE WHERE STATUS = 'GENERATED'")) {
                while (r.next()) {
                    assertThat(stored("certificates", r.getString(1), ".pdf")).exists();
                }
            }
        } finally {
            platform.closeDerby();
        }
        assertNoPartialOrCorruptFiles();
        platform.start();
        assertThat(TestFixtures.settledCertificates(system, last, PEOPLE, 300))
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
    }

    private static void checkAfterRestart(Operation op, long filing, boolean acknowledged, int round) {
        String what = "round " + (round + 1) + " " + op;
        switch (op) {
            case ROSTER_IMPORT -> {
                long size = system.get("/api/v1/filings/" + filing).json().get("rosterSize").asLong();
                if (acknowledged) {
                    assertThat(size).as(what).isEqualTo(PEOPLE * 4);
                } else {
                    assertThat(size).as(what + ": all or nothing").isIn(0L, (long) PEOPLE * 4);
                }
            }
            case PHOTO_UPLOAD -> {
                long withPhoto = TestFixtures.personIds(system, filing).values().stream()
                        .filter(id -> system.get("/api/v1/persons/" + id + "/photo").status() == 200).count();
                if (acknowledged) {
                    assertThat(withPhoto).as(what).isEqualTo(PEOPLE);
                }
            }
            case APPROVAL -> {
                JsonNode f = system.get("/api/v1/filings/" + filing).json();
                if (acknowledged) {
                    assertThat(f.get("status").asText()).as(what).isEqualTo("APPROVED");
                }
                if (f.get("status").asText().equals("APPROVED")) {
                    approved.add(filing);
                    // its certificates are recorded (and then generated) even if the kill came between the two
                    TestFixtures.settledCertificates(system, filing, PEOPLE, 300);
                }
            }
            default -> {
                // generation resumes where it stopped
                awaitGenerated(filing, PEOPLE);
            }
        }
    }

    private static void awaitGenerated(long filing, int count) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=1").json()
                .get("total").asInt() < count) {
            assertThat(System.nanoTime()).as("filing %d: %d generated", filing, count).isLessThan(deadline);
            Platform.sleep(20);
        }
    }

    /** Every stored file is whole: its content hashes to its name, and no temporary file outlived a restart. */
    private static void assertNoPartialOrCorruptFiles() throws Exception {
        for (String area : List.of("certificates", "photos", "approval-documents")) {
            Path root = platform.home().resolve("data").resolve(area);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String file = f.getFileName().toString();
                    assertThat(file).as("a partial write left in " + area).doesNotStartWith(".incoming-");
                    assertThat(CertificateApiIT.Sha.of(Files.readAllBytes(f))).as(f.toString())
                            .isEqualTo(file.substring(0, file.indexOf('.')));
                }
            }
        }
    }

    private static Path stored(String area, String sha, String extension) {
        return platform.home().resolve("data").resolve(area).resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha + extension);
    }

    private static long count(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static byte[] photo(int round) {
        return Images.jpeg(Images.halves(413, 579, new Color(0x20 + round * 9, 0x8E, 0xDB), Color.WHITE));
    }
}
