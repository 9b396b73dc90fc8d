package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.titlecert.photo.internal.Images;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Makes the fixture of {@code UpgradeInPlaceIT}: a platform of the release before versioned migrations, as an
 * operator's would be after some use. Not a test: it was run once on that release (commit {@code d232a42}, the
 * last whose schema OpenJPA built), on each database, and its archives are kept under
 * {@code src/test/resources/previous-release/} (the tests were one module then, {@code bundles/itests}):
 * <pre>mvn -B verify -pl bundles/itests -Dit.test=PreviousReleaseFixture [-Dtitlecert.postgresql.skip=true]</pre>
 * The demo data (with its seals and sealed certificates), plus a filing of 20 people, 10 of them with photos,
 * approved (the 10 with photos generated, the others waiting for theirs), one certificate revoked. The archive holds the platform's own files under {@code data/}
 * and {@code etc/}; on PostgreSQL a {@code pg_dump} of the database instead of Derby's folder.
 */
class PreviousReleaseFixture {

    @Test
    void make() throws Exception {
        String db = PostgresCluster.enabled() ? "postgresql" : "derby";
        Platform platform = Platform.create("previous-release-" + db);
        platform.configureForTests();
        platform.start();
        try {
            use(platform);
        } finally {
            platform.stop();
        }
        pack(platform, db);
    }

    private static void use(Platform platform) {
        Api system = platform.system();
        TestFixtures.awaitDemoSeals(system);
        long filing = TestFixtures.filledFiling(system, "升级前的批复", 2025, TestFixtures.roster(20, 61000));
        Map<String, Long> people = TestFixtures.personIds(system, filing);
        byte[] photo = Images.jpeg(Images.halves(413, 579, new Color(0x1E, 0x88, 0xE5), Color.WHITE));
        people.values().stream().limit(10).forEach(person -> assertThat(system.putBytes(
                "/api/v1/persons/" + person + "/photo", "image/jpeg", photo).status()).isEqualTo(200));
        TestFixtures.approve(system, filing);
        List<JsonNode> certificates = TestFixtures.settledCertificates(system, filing, 20);
        List<JsonNode> generated = certificates.stream().filter(c -> c.get("status").asText().equals("GENERATED"))
                .toList();
        assertThat(generated).as("those with photos").hasSize(10)
                .allSatisfy(c -> assertThat(c.get("sealStatus").asText()).isEqualTo("SEALED"));
        assertThat(system.post("/api/v1/certificates/" + generated.get(0).get("id").asLong() + "/revoke",
                Map.of("reason", "FRAUD", "note", "升级测试")).status()).isEqualTo(200);
        TestFixtures.awaitDemoSeals(system);
    }

    private static void pack(Platform platform, String db) throws Exception {
        Path home = platform.home();
        List<String> kept = new ArrayList<>(List.of("data/certificates", "data/photos", "data/approval-documents",
                "data/seals", "data/demo-accounts.txt", "etc/titlecert-trust"));
        try (var cfgs = Files.list(home.resolve("etc"))) {
            cfgs.map(f -> "etc/" + f.getFileName()).filter(f -> f.startsWith("etc/org.titlecert.seal.pkcs12-demo"))
                    .forEach(kept::add);
        }
        if (platform.database() == null) {
            kept.add("data/titlecert");
        } else {
            String url = platform.database();
            PostgresCluster.shared().dump(url.substring(url.lastIndexOf('/') + 1), home.resolve("dump.sql"));
            kept.add("dump.sql");
        }
        Path out = Path.of("src/test/resources/previous-release").toAbsolutePath();
        Files.createDirectories(out);
        List<String> tar = new ArrayList<>(List.of("tar", "-czf", out.resolve(db + ".tar.gz").toString(), "-C",
                home.toString()));
        tar.addAll(kept);
        Process p = new ProcessBuilder(tar).inheritIO().start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as("tar").isTrue();
    }
}
