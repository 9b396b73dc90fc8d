package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The audit log: recorded actions, masked ID numbers, no forged lines, filters, system admins only. */
@Order(3)
class AuditIT {

    private final Platform platform = Platform.shared();

    @Test
    void failedLoginsAreRecordedWithIdNumbersMaskedAndLineBreaksEscaped() throws Exception {
        RawHttp client = new RawHttp("127.0.0.31", platform.port());
        client.postJson("/api/v1/auth/login",
                "{\"kind\":\"individual\",\"login\":\"440524188001010014\",\"password\":\"x1234567\"}");
        String forged = "mallory\\r\\n2026-01-01T00:00:00Z | INFO | org.titlecert.audit | LOGIN SUCCESS actor=sysadmin";
        client.postJson("/api/v1/auth/login", "{\"kind\":\"admin\",\"login\":\"" + forged + "\",\"password\":\"x\"}");

        JsonNode log = platform.system().get("/api/v1/audit?outcome=FAILURE&size=100").json();
        List<String> actors = log.findValuesAsText("actor");
        assertThat(actors).contains("4****************4").doesNotContain("440524188001010014");
        assertThat(actors).anySatisfy(a -> assertThat(a).startsWith("mallory\\r\\n2026-01-01"));
        assertThat(log.toString()).doesNotContain("440524188001010014");

        String karafLog = Files.readString(platform.home().resolve("data/log/karaf.log"));
        assertThat(karafLog).doesNotContain("440524188001010014");
        assertThat(karafLog.lines().filter(l -> l.startsWith("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void actionsAreRecordedWithWhoWhatWhenWhereAndOutcome() {
        Api system = platform.system();
        long id = TestFixtures.filing(system, "审计测试", 2020, "REVIEW").get("id").asLong();
        system.postBytes("/api/v1/filings/" + id + "/roster", "text/csv",
                TestFixtures.roster(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        system.get("/api/v1/filings/" + id + "/approval-document");
        JsonNode imports = system.get("/api/v1/audit?action=ROSTER_IMPORT&size=5").json();
        JsonNode last = imports.at("/items/0");
        assertThat(last.get("target").asText()).isEqualTo("filing:" + id);
        assertThat(last.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(last.get("actor").asText()).startsWith("apikey:");
        assertThat(last.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(last.get("at").asText()).endsWith("Z");
        imports.get("items").forEach(e -> assertThat(e.get("action").asText()).isEqualTo("ROSTER_IMPORT"));
        assertThat(system.get("/api/v1/audit?action=FILING_CREATE&from=2099-01-01T00:00:00Z").json()
                .get("total").asInt()).isZero();
    }

    @Test
    void onlySystemAdminsReadTheLog() {
        Api unit = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        assertThat(unit.get("/api/v1/audit").status()).isEqualTo(403);
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "AHCZ");
        Api session = platform.api().login("admin", admin.login(), admin.secret());
        assertThat(session.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(session.send(session.request("/admin/audit").GET()).status()).isEqualTo(403);
        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        Api sysSession = platform.api().login("admin", sys.login(), sys.secret());
        Api.Response page = sysSession.send(sysSession.request("/admin/audit?action=ADMIN_LOGIN").GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ADMIN_LOGIN").contains(sys.login());
    }

    @Test
    void theLogExportsAsCsvForAuditorsWithFormulasDisarmedAndTheExportRecorded() throws Exception {
        RawHttp client = new RawHttp("127.0.0.32", platform.port());
        client.postJson("/api/v1/auth/login",
                "{\"kind\":\"admin\",\"login\":\"=HYPERLINK(\\\"http://evil\\\")\",\"password\":\"x\"}");
        Api system = platform.system();
        Api.Response csv = system.get("/api/v1/audit/export.csv?outcome=FAILURE&action=ADMIN_LOGIN");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        assertThat(csv.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("序号,时间（北京时间）,操作人,角色,来源地址,操作,对象,结果,说明");
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(",ADMIN_LOGIN,").contains(",FAILURE,"));
        assertThat(lines).as("a spreadsheet shows it as text, never runs it")
                .anySatisfy(l -> assertThat(l).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","))
                .noneSatisfy(l -> assertThat(l).contains(",=HYPERLINK"));
        long total = system.get("/api/v1/audit?outcome=FAILURE&action=ADMIN_LOGIN").json().get("total").asLong();
        assertThat(lines).as("every entry, not a page").hasSize((int) total + 1);
        JsonNode exported = system.get("/api/v1/audit?action=AUDIT_EXPORT&size=1").json().at("/items/0");
        assertThat(exported.get("detail").asText()).startsWith(total + " entries");

        Api unit = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        assertThat(unit.get("/api/v1/audit/export.csv").status()).isEqualTo(403);
        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        Api sysSession = platform.api().login("admin", sys.login(), sys.secret());
        Api.Response page = sysSession.send(sysSession.request("/admin/audit/export.csv?action=AUDIT_EXPORT").GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().lines().skip(1)).isNotEmpty().allSatisfy(l -> assertThat(l).contains(",AUDIT_EXPORT,"));
    }

    @Test
    void entriesPastTheirRetentionAreRemovedAndTheRemovalRecorded() throws Exception {
        Platform own = Platform.create("audit-retention");
        own.configureForTests();
        own.config("org.titlecert.audit", "retentionDays = 30");
        own.start();
        own.stop();
        try (java.sql.Connection c = own.connectDatabase()) {
            // the log keeps UTC times; Derby calls the column AT0 (AT is reserved there)
            String at = c.getMetaData().getDatabaseProductName().contains("Derby") ? "AT0" : "AT";
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO TC_AUDIT (ID, " + at
                    + ", ACTOR, ACTION, OUTCOME, DETAIL) VALUES (?, ?, 'old', ?, 'SUCCESS', 'written long ago')")) {
                for (int days : new int[] {400, 179, 10}) {
                    insert.setLong(1, 900_000_000L + days);
                    insert.setTimestamp(2, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(
                            java.time.ZoneOffset.UTC).minusDays(days)));
                    insert.setString(3, "OLD_" + days);
                    insert.executeUpdate();
                }
            }
        } finally {
            own.closeDerby();
        }
        own.start();
        try {
            Api system = own.system();
            long deadline = System.nanoTime() + 60_000_000_000L;
            JsonNode purge;
            do {
                Platform.sleep(500);
                purge = system.get("/api/v1/audit?action=AUDIT_PURGE").json();
            } while (purge.get("total").asInt() == 0 && System.nanoTime() < deadline);
            assertThat(purge.at("/items/0/detail").asText()).as("30 days is below what an audit asks for")
                    .startsWith("1 entries older than 180 days");
            assertThat(system.get("/api/v1/audit?actor=old").json().findValuesAsText("action"))
                    .containsExactlyInAnyOrder("OLD_179", "OLD_10");
        } finally {
            own.stop();
        }
        assertThat(Files.readString(own.home().resolve("data/log/karaf.log")))
                .contains("retentionDays = 30 is below the 180 days");
    }
}
