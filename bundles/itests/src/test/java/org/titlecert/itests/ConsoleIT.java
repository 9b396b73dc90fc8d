package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operator's console: the platform started in the foreground with {@code bin/karaf}, and the
 * {@code titlecert:*} commands typed at its terminal.
 */
class ConsoleIT {

    private static Platform platform;
    private static Console console;
    private static Api system;

    @BeforeAll
    static void start() {
        platform = Platform.create("console");
        platform.configureForTests();
        // the JSON log for log shippers, switched on as the README says
        try {
            Files.writeString(platform.home().resolve("etc/system.properties"), "\ntitlecert.log.json = INFO\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        console = platform.startWithConsole();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.shutdown();
        }
        platform.stop();
    }

    @Test
    void theFirstStartPrintsTheInitialAdminPasswordOnTheConsole() throws Exception {
        String file = Files.readString(platform.home().resolve("data/initial-admin.txt"));
        Matcher m = Pattern.compile("password: (\\S+)").matcher(file);
        assertThat(m.find()).isTrue();
        assertThat(console.text()).contains("initial system admin 'sysadmin', password " + m.group(1));
        Api first = platform.api().login("admin", "sysadmin", m.group(1));
        assertThat(first.get("/api/v1/me").json().get("passwordChangeRequired").asBoolean())
                .as("the printed password is one-time").isTrue();
        assertThat(first.get("/api/v1/filings").status()).isEqualTo(403);
    }

    @Test
    void backupPrintsItsProgressAndWhatItHoldsOrSendsPostgresqlToItsOwnTools() throws Exception {
        Path dir = platform.home().resolve("console-backup");
        String out = console.run("titlecert:backup " + dir);
        if (PostgresCluster.enabled()) {
            assertThat(out).contains("pg_dump");
            assertThat(dir).doesNotExist();
            return;
        }
        assertThat(out).contains("Backing up into " + dir).contains("Done: database").contains("certificates");
        JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("titlecert-backup.json").toFile());
        assertThat(out).contains(manifest.get("filesCopied").asLong() + " files");
        assertThat(manifest.at("/rows/TC_CERTIFICATE").asLong()).isPositive();
        assertThat(console.run("titlecert:backup " + dir)).contains("备份目录已存在且不为空");
    }

    @Test
    void theJsonLogHoldsOneEcsEventPerLine() throws Exception {
        assertThat(platform.api().tryLogin("individual", "json-log-test", "wrong-password").status()).isEqualTo(401);
        List<String> lines = Files.readAllLines(platform.home().resolve("data/log/karaf.json"));
        assertThat(lines).hasSizeGreaterThan(10);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : lines) {
            events.add(json.readTree(line));
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("@timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
            assertThat(e.get("log.level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(e.has("message")).isTrue();
        });
        // the audit log's events, Chinese intact, each field its own
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("log.logger").asText()).isEqualTo("org.titlecert.audit");
            assertThat(e.get("message").asText()).startsWith("LOGIN FAILURE").contains("actor=json-log-test")
                    .contains("账号或密码错误");
        });
        assertThat(String.join("\n", lines)).contains("二维码地址");
        assertThat(platform.home().resolve("data/log/karaf.log")).isNotEmptyFile();
    }

    @Test
    void sealListShowsEachIssuerWithItsSealOrUnsealed() {
        String out = console.run("titlecert:seal-list");
        Map<String, List<String>> rows = new java.util.HashMap<>();
        for (String line : out.split("\n")) {
            List<String> cells = Arrays.stream(line.split("│")).map(String::strip).toList();
            if (cells.size() >= 4) {
                rows.put(cells.get(1), cells);
            }
        }
        assertThat(rows.get("Code")).as(out).startsWith("Kind", "Code", "Name", "Provider", "Signer");
        // the demo seals: the provincial unit's committee and authority sealed, Hefei's not
        assertThat(rows.get("AHKJGP")).as(out).startsWith("COMMITTEE", "AHKJGP", "安徽省会计系列高级专业技术资格评审委员会",
                "pkcs12:AHKJGP");
        assertThat(rows.get("AHKJGP").get(4)).startsWith("CN=安徽省会计系列高级专业技术资格评审委员会");
        assertThat(rows.get("AHRS")).as(out).startsWith("ISSUING_AUTHORITY", "AHRS", "安徽省人力资源和社会保障厅",
                "pkcs12:AHRS");
        assertThat(rows.get("HFGCZP")).as(out).contains("- (unsealed)");
        assertThat(rows.get("HFRSJ")).as(out).contains("- (unsealed)");
        // the same as the REST view of seals
        JsonNode seals = system.get("/api/v1/seals").json();
        assertThat(seals.size()).isEqualTo(rows.size() - 1);
    }

    @Test
    void sealTestSignsATestPageAndValidatesItOrSaysThereIsNoSeal() {
        String out = console.run("titlecert:seal-test AHRS");
        assertThat(out).contains("Provider: pkcs12:AHRS (CN=安徽省人力资源和社会保障厅")
                .containsPattern("Seal by 安徽省人力资源和社会保障厅 at \\S+: intact, trusted")
                .endsWith("OK");
        assertThat(console.run("titlecert:seal-test HFRSJ")).contains("no seal provider for HFRSJ")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void adminCreateMakesAUnitAdminWhoCanLogInWithThePasswordShownOnce() {
        String out = console.run("titlecert:admin-create --unit HFRS --name 控制台管理员 console-admin");
        Matcher m = Pattern.compile("Password \\(shown once\\): (\\S+)").matcher(out);
        assertThat(out).contains("Unit admin console-admin created.");
        assertThat(m.find()).as(out).isTrue();
        Api admin = platform.api().login("admin", "console-admin", m.group(1));
        assertThat(admin.get("/api/v1/filings").json().get("code").asText()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(admin.post("/api/v1/me/password", java.util.Map.of("currentPassword", m.group(1),
                "newPassword", "Console2026admin")).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/filings").status()).as("open once changed").isEqualTo(200);
        JsonNode me = admin.get("/api/v1/me").json();
        assertThat(me.get("role").asText()).isEqualTo("UNIT_ADMIN");
        assertThat(me.get("displayName").asText()).isEqualTo("控制台管理员");
        JsonNode units = system.get("/api/v1/units").json();
        long hefei = 0;
        for (JsonNode u : units) {
            if (u.get("code").asText().equals("HFRS")) {
                hefei = u.get("id").asLong();
            }
        }
        assertThat(me.get("unitId").asLong()).isEqualTo(hefei).isPositive();
        assertThat(out.lines().findFirst()).as("nothing before the command's own output").contains(
                "Unit admin console-admin created.");
        assertThat(console.run("titlecert:admin-create console-admin")).as("a login is taken once")
                .contains("该账号已存在").doesNotContain("created", "Password");
        assertThat(console.run("titlecert:admin-create --unit NOPE someone")).contains("no organizing unit with code NOPE");
    }
}
