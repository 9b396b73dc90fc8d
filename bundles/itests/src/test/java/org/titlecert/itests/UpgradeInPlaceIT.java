package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operator's platform of the release before versioned migrations, upgraded in place: the files and the database
 * that release left (src/test/resources/previous-release, made by {@link PreviousReleaseFixture}: demo data with
 * sealed certificates, a filing of 20 with 10 generated and sealed, 10 waiting for photos, one revoked) are put
 * into this build's distribution, which starts on them. Every row and file is still there and unchanged, the old
 * PDFs check as current with intact seals, the schema is the one a new database gets, and work goes on.
 */
@Order(3)
class UpgradeInPlaceIT {

    /** Tables whose rows come and go by design (sessions, captchas, counters, id allocation). */
    private static final Set<String> EPHEMERAL = Set.of("TC_SESSION", "TC_CAPTCHA", "TC_RATE_COUNT",
            "TC_LOGIN_FAILURE", "TC_SSO_FLOW", "TC_AUDIT_SEQ", "TC_CERT_SEQ", "TC_FILING_SEQ", "TC_IDENTITY_SEQ",
            "TC_PHOTO_SEQ", "TC_PUBLIC_CHANGE", "DATABASECHANGELOG", "DATABASECHANGELOGLOCK");
    /** Columns a start may rightly change: when a key was last used; the template key's new spelling (1.1). */
    private static final Set<String> CHANGING = Set.of("TC_ACCOUNT.LAST_LOGIN_AT", "TC_API_KEY.LAST_USED_AT",
            "TC_CERTIFICATE.TEMPLATE_KEY");

    @Test
    void thePreviousReleasesPlatformIsUpgradedInPlaceWithNothingLost() throws Exception {
        String db = PostgresCluster.enabled() ? "postgresql" : "derby";
        Platform platform = Platform.create("upgrade-in-place");
        platform.configureForTests();
        Path home = platform.home();
        untar(Path.of(UpgradeInPlaceIT.class.getResource("/previous-release/" + db + ".tar.gz").toURI()), home);
        atHome(home);
        if (platform.database() != null) {
            PostgresCluster.shared().restore(databaseName(platform), home.resolve("dump.sql"));
        }
        Map<String, List<String>> columnsBefore = new TreeMap<>();
        Map<String, Set<List<String>>> rowsBefore = rows(platform, null, columnsBefore);
        Map<String, String> filesBefore = files(home);
        assertThat(rowsBefore.get("TC_CERTIFICATE")).as("the fixture's certificates").hasSizeGreaterThan(20);
        assertThat(filesBefore).hasSizeGreaterThan(40);

        platform.start();
        try {
            Api system = platform.system();
            TestFixtures.awaitDemoSeals(system);
            List<JsonNode> certificates = certificates(system, filing(system, "升级前的批复"));
            List<JsonNode> generated = certificates.stream()
                    .filter(c -> c.get("status").asText().equals("GENERATED")).toList();
            assertThat(generated).hasSize(10).allSatisfy(c -> {
                assertThat(c.get("version").asInt()).as("not made again").isEqualTo(1);
                assertThat(c.get("sealStatus").asText()).isEqualTo("SEALED");
            });
            assertThat(certificates).filteredOn(c -> c.get("status").asText().equals("NOT_GENERATED")).hasSize(10);
            JsonNode revoked = generated.stream().filter(c -> c.get("validity").asText().equals("REVOKED"))
                    .findFirst().orElseThrow();
            assertThat(platform.api().get("/api/v1/verify/" + token(revoked)).json().get("status").asText())
                    .isEqualTo("REVOKED");
            for (JsonNode c : generated) {
                if (c == revoked) {
                    continue;
                }
                // the PDF as the release before made it, from its file store, as its holder keeps it
                String sha = c.get("sha256").asText();
                byte[] old = Files.readAllBytes(certificateFile(home, sha));
                assertThat(CertificateApiIT.Sha.of(old)).isEqualTo(sha);
                assertThat(platform.api().get("/api/v1/verify/" + token(c)).json().get("status").asText())
                        .isEqualTo("VALID");
                JsonNode check = platform.api().postBytes("/api/v1/verify/" + token(c) + "/check",
                        "application/pdf", old).json();
                assertThat(check.get("outcome").asText()).as(check.toString()).isEqualTo("CURRENT");
                assertThat(check.at("/seals/seals")).hasSize(2).allSatisfy(s -> {
                    assertThat(s.get("intact").asBoolean()).isTrue();
                    assertThat(s.get("trusted").asBoolean()).isTrue();
                });
                assertThat(system.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes())
                        .as("served as it was").isEqualTo(old);
            }
            // a certificate made before credentials were issued gets its credential at the first request, kept
            JsonNode first = generated.stream().filter(c -> c != revoked).findFirst().orElseThrow();
            String path = "/api/v1/certificates/" + first.get("id").asLong() + "/credential";
            Api.Response vc = system.get(path);
            assertThat(vc.status()).as(vc.body()).isEqualTo(200);
            JsonNode payload = Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(vc.body().split("\\.")[1]));
            assertThat(payload.at("/credentialSubject/certificateNumber").asText())
                    .isEqualTo(first.get("certificateNumber").asText());
            assertThat(system.get(path).body()).as("kept, not signed anew").isEqualTo(vc.body());
            assertThat(platform.api().postBytes("/api/v1/verify/" + token(first) + "/check", "application/vc+jwt",
                    vc.bytes()).json().get("outcome").asText()).isEqualTo("CURRENT");
        } finally {
            platform.stop();
        }

        // the columns the previous release had: later change sets add columns, which old rows leave empty
        Map<String, Set<List<String>>> rowsAfter = rows(platform, columnsBefore, new TreeMap<>());
        rowsBefore.forEach((table, rows) -> assertThat(rowsAfter.get(table)).as(table).containsAll(rows));
        assertThat(rowsAfter.get("TC_CERTIFICATE")).as("no certificate made again").isEqualTo(
                rowsBefore.get("TC_CERTIFICATE"));
        assertThat(rowsAfter.get("TC_CERT_VERSION")).isEqualTo(rowsBefore.get("TC_CERT_VERSION"));
        Map<String, String> filesAfter = files(home);
        filesBefore.forEach((file, sha) -> assertThat(filesAfter.get(file)).as(file).isEqualTo(sha));
        List<String> changeSets = changeSets(platform);
        assertThat(changeSets).as("taken over, not made again").contains("db/filing.yaml 1.0-tc-filing MARK_RAN",
                "db/audit.yaml 1.0-tc-audit MARK_RAN", "db/identity.yaml 1.0-tc-account MARK_RAN",
                "db/photo.yaml 1.0-tc-photo MARK_RAN", "db/certificate.yaml 1.0-tc-certificate MARK_RAN",
                "db/certificate.yaml 1.1-template-key-without-build EXECUTED",
                "db/certificate.yaml 1.2-revoked-scope EXECUTED", "db/identity.yaml 1.1-one-time-password EXECUTED",
                "db/certificate.yaml 1.3-corrections EXECUTED", "db/filing.yaml 1.1-roster-history EXECUTED",
                "db/notice.yaml 1.3-tc-notice EXECUTED", "db/identity.yaml 1.2-password-reset EXECUTED",
                "db/verification.yaml 1.4-tc-verification EXECUTED", "db/identity.yaml 1.4-privacy-consent EXECUTED",
                "db/identity.yaml 1.5-verifiers EXECUTED", "db/verification.yaml 1.5-verifier-checks EXECUTED",
                "db/verification.yaml 1.5-batches EXECUTED",
                "db/identity.yaml 1.5-verifier-keys EXECUTED", "db/notice.yaml 1.6-notice-dedupe-key EXECUTED",
                "db/identity.yaml 1.6-account-person EXECUTED", "db/certificate.yaml 1.6-version-correction EXECUTED",
                "db/filing.yaml 1.7-authority-credit-code EXECUTED", "db/certificate.yaml 1.7-ofd EXECUTED",
                "db/certificate.yaml 1.8-credential EXECUTED", "db/certificate.yaml 1.9-ofd-only EXECUTED",
                "db/certificate.yaml 1.10-public-changes EXECUTED");
        assertThat(changeSets).filteredOn(s -> s.contains(" 1.0-")).allMatch(s -> s.endsWith("MARK_RAN"));
        try (Connection c = platform.connectDatabase(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT TEMPLATE_KEY FROM TC_CERTIFICATE WHERE TEMPLATE_KEY IS NOT NULL")) {
            List<String> keys = new ArrayList<>();
            while (r.next()) {
                keys.add(r.getString(1));
            }
            assertThat(keys).isNotEmpty().allMatch(k -> k.matches("default@\\d+\\.\\d+\\.\\d+/[0-9a-f]+"));
        } finally {
            platform.closeDerby();
        }
        assertThat(schema(platform)).as("the upgraded schema is the one a new database gets")
                .isEqualTo(schema(freshPlatform()));

        // a second start has nothing to migrate, and the work goes on where it stopped
        platform.start();
        try {
            Api system = platform.system();
            long filing = filing(system, "升级前的批复");
            Map<String, Long> people = TestFixtures.personIds(system, filing);
            List<JsonNode> waiting = certificates(system, filing).stream()
                    .filter(c -> c.get("status").asText().equals("NOT_GENERATED")).toList();
            long person = waiting.get(0).get("personId").asLong();
            assertThat(people).containsValue(person);
            assertThat(system.putBytes("/api/v1/persons/" + person + "/photo", "image/jpeg", CertificateApiIT.photo(java.awt.Color.ORANGE))
                    .status()).isEqualTo(200);
            long next = TestFixtures.filledFiling(system, "升级后的批复", 2026, TestFixtures.roster(3, 62000));
            TestFixtures.approve(system, next);
            List<JsonNode> made = TestFixtures.settledCertificates(system, next, 3);
            List<JsonNode> old = TestFixtures.settledCertificates(system, filing, 20);
            JsonNode resumed = old.stream().filter(c -> c.get("personId").asLong() == person).findFirst().orElseThrow();
            assertThat(resumed.get("status").asText()).isEqualTo("GENERATED");
            List<String> numbers = new ArrayList<>();
            old.forEach(c -> numbers.add(c.get("certificateNumber").asText()));
            made.forEach(c -> numbers.add(c.get("certificateNumber").asText()));
            assertThat(numbers).doesNotHaveDuplicates();
        } finally {
            platform.stop();
        }
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertThat(log).contains("Schema of titlecert-certificate is current (0 change sets applied");
    }

    private static Platform freshPlatform() {
        Platform fresh = Platform.create("upgrade-fresh");
        fresh.start();
        fresh.stop();
        return fresh;
    }

    private static String databaseName(Platform platform) {
        return platform.database().substring(platform.database().lastIndexOf('/') + 1);
    }

    /**
     * The release's seal configurations name the files by the absolute path of the home the fixture was made in;
     * upgraded in place, they are in this home.
     */
    private static void atHome(Path home) throws Exception {
        try (var files = java.nio.file.Files.list(home.resolve("etc"))) {
            for (Path cfg : files.filter(f -> f.getFileName().toString().endsWith(".cfg")).toList()) {
                String text = java.nio.file.Files.readString(cfg);
                String moved = text.replaceAll("(?m)^(\\w+ = )/\\S*/previous-release-(derby|postgresql)/",
                        "$1" + java.util.regex.Matcher.quoteReplacement(home.toAbsolutePath() + "/"));
                if (!moved.equals(text)) {
                    java.nio.file.Files.writeString(cfg, moved);
                }
            }
        }
    }

    private static void untar(Path archive, Path into) throws Exception {
        Process p = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", into.toString())
                .inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("tar").isTrue();
    }

    private static long filing(Api api, String name) {
        JsonNode items = api.get("/api/v1/filings?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).json()
                .get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("id").asLong();
    }

    private static List<JsonNode> certificates(Api api, long filing) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/api/v1/filings/" + filing + "/certificates?size=200").json().get("items").forEach(all::add);
        return all;
    }

    private static String token(JsonNode certificate) {
        String url = certificate.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Path certificateFile(Path home, String sha) {
        return home.resolve("data/certificates").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha + ".pdf");
    }

    /** Every file of the platform's store, by path under data/, with its SHA-256. */
    private static Map<String, String> files(Path home) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String area : List.of("certificates", "photos", "approval-documents", "seals")) {
            Path root = home.resolve("data").resolve(area);
            try (Stream<Path> all = Files.walk(root)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    files.put(home.relativize(f).toString(), CertificateApiIT.Sha.of(Files.readAllBytes(f)));
                }
            }
        }
        return files;
    }

    /**
     * The rows of every lasting table, each as its columns' text, without the columns a start may change: only
     * {@code only}'s columns of a table it names; each table's columns read are put in {@code columns}.
     */
    private static Map<String, Set<List<String>>> rows(Platform platform, Map<String, List<String>> only,
                                                       Map<String, List<String>> columns) throws SQLException {
        Map<String, Set<List<String>>> tables = new TreeMap<>();
        try (Connection c = platform.connectDatabase()) {
            for (String table : tables(c)) {
                if (EPHEMERAL.contains(table)) {
                    continue;
                }
                Set<List<String>> rows = new HashSet<>();
                String select = only == null || !only.containsKey(table) ? "*" : String.join(", ", only.get(table));
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT " + select + " FROM " + table)) {
                    ResultSetMetaData m = r.getMetaData();
                    List<String> read = new ArrayList<>();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        read.add(m.getColumnName(i).toUpperCase());
                    }
                    columns.put(table, read);
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            if (!CHANGING.contains(table + "." + read.get(i - 1))) {
                                Object v = r.getObject(i);
                                row.add(v instanceof byte[] b ? CertificateApiIT.Sha.of(b) : String.valueOf(v));
                            }
                        }
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
        } finally {
            platform.closeDerby();
        }
        return tables;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData m = c.getMetaData();
        try (ResultSet t = m.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (t.next()) {
                String name = t.getString("TABLE_NAME").toUpperCase();
                if (name.startsWith("TC_") || name.startsWith("DATABASECHANGELOG")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** Each change set as "file id how", in the order it ran. */
    private static List<String> changeSets(Platform platform) throws SQLException {
        List<String> sets = new ArrayList<>();
        try (Connection c = platform.connectDatabase(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT FILENAME, ID, EXECTYPE FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (r.next()) {
                sets.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
            }
        } finally {
            platform.closeDerby();
        }
        return sets;
    }

    /**
     * The platform's tables as a database's catalogue describes them: each column's type, size and whether it may
     * be null; each index's columns and uniqueness (the ones the database names itself left out by name).
     */
    private static Set<String> schema(Platform platform) throws SQLException {
        Set<String> schema = new TreeSet<>();
        try (Connection c = platform.connectDatabase()) {
            DatabaseMetaData m = c.getMetaData();
            for (String table : tables(c)) {
                String stored = m.storesLowerCaseIdentifiers() ? table.toLowerCase() : table;
                try (ResultSet col = m.getColumns(null, null, stored, null)) {
                    while (col.next()) {
                        schema.add(table + "." + col.getString("COLUMN_NAME").toUpperCase() + " "
                                + col.getString("TYPE_NAME") + "(" + col.getInt("COLUMN_SIZE") + ") "
                                + col.getString("IS_NULLABLE"));
                    }
                }
                try (ResultSet ix = m.getIndexInfo(null, null, stored, false, false)) {
                    while (ix.next()) {
                        String name = ix.getString("INDEX_NAME");
                        schema.add(table + " index " + (name.startsWith("SQL") ? "(unnamed)" : name.toUpperCase())
                                + " " + ix.getString("COLUMN_NAME").toUpperCase()
                                + (ix.getBoolean("NON_UNIQUE") ? "" : " unique"));
                    }
                }
                try (ResultSet fk = m.getImportedKeys(null, null, stored)) {
                    while (fk.next()) {
                        schema.add(table + " references " + fk.getString("PKTABLE_NAME").toUpperCase() + " by "
                                + fk.getString("FKCOLUMN_NAME").toUpperCase() + " deferrable "
                                + fk.getShort("DEFERRABILITY"));
                    }
                }
            }
        } finally {
            platform.closeDerby();
        }
        schema.removeIf(s -> s.startsWith("DATABASECHANGELOG"));
        return schema;
    }
}
