package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The audit log: recorded actions, masked ID numbers, no forged lines, filters, system admins only. */
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
}
