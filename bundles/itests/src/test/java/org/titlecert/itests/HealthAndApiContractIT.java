package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Health, the OpenAPI document, and the error contract, against the running distribution. */
class HealthAndApiContractIT {

    private final Api api = Platform.shared().api();

    @Test
    void healthIsUpWithEveryBundleActiveAndTheDatabaseAnswering() {
        Api.Response anonymous = api.get("/api/v1/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().size()).as("UP or DOWN, nothing more, to the public").isEqualTo(1);
        Api.Response unit = api.withKey(Platform.shared().accounts().of("unitapi", "AHCZ").secret()).get("/api/v1/health");
        assertThat(unit.json().size()).as("details are for system administrators").isEqualTo(1);
        Api.Response r = Platform.shared().system().get("/api/v1/health");
        JsonNode h = r.json();
        assertThat(h.get("status").asText()).isEqualTo("UP");
        assertThat(h.get("database").asText()).isEqualTo("UP");
        assertThat(h.at("/bundles/inactive")).isEmpty();
        assertThat(h.at("/bundles/total").asInt()).isGreaterThan(100);
        assertThat(h.get("pendingSchemas")).isEmpty();
        assertThat(h.get("checks").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("database", "schema", "template", "store", "started");
        assertThat(h.get("checks").properties()).allSatisfy(e -> assertThat(e.getValue().asBoolean()).isTrue());
    }

    @Test
    void theProbesTellLiveFromReadyAndNameOnlyTheirChecks() {
        Api.Response live = api.get("/api/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().toString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(live.header("Cache-Control")).isEqualTo("no-store");
        Api.Response ready = api.get("/api/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().toString()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":true,"
                + "\"schema\":true,\"template\":true,\"store\":true,\"started\":true}}");
        Api.Response other = api.get("/api/health/other");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("message").asText()).contains("没有这个探针");
    }

    @Test
    void openApiDocumentDescribesEveryEndpoint() {
        Api.Response r = api.get("/api/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        JsonNode paths = doc.get("paths");
        List<String> expected = List.of(
                "get /health", "get /openapi.json", "get /units", "get /committees", "get /issuing-authorities",
                "put /issuing-authorities/{id}",
                "get /filings", "post /filings", "get /filings/{id}", "put /filings/{id}",
                "post /filings/{id}/approve", "post /filings/{id}/reject",
                "post /filings/{id}/roster", "get /filings/{id}/roster",
                "put /filings/{id}/approval-document", "get /filings/{id}/approval-document",
                "get /captcha", "post /auth/login", "post /auth/register", "post /auth/logout", "get /me",
                "get /me/profile", "put /me/profile", "post /me/password", "get /admin-accounts", "post /admin-accounts",
                "post /admin-accounts/{id}/disable", "post /admin-accounts/{id}/enable",
                "post /admin-accounts/{id}/reset-password", "get /api-keys", "post /api-keys",
                "delete /api-keys/{id}", "get /individuals/pending", "post /individuals/{accountId}/confirm",
                "post /individuals/{accountId}/reject",
                "get /audit", "get /audit/export.csv", "post /backups", "get /backups", "get /backups/{id}",
                "get /metrics", "get /metrics/dashboard", "get /metrics/notices", "get /me/notices",
                "get /me/notices/unread", "post /me/notices/{id}/read", "post /me/notices/read-all",
                "post /filings/{id}/certificates/photo-reminders", "post /auth/password-reset-requests",
                "post /auth/password-resets", "post /persons/{personId}/password-reset", "get /filings/{id}/certificates/not-generated.xlsx",
                "get /me/titles", "get /me/titles/{rosterEntryId}", "get /me/photo", "put /me/photo",
                "get /persons/{personId}/titles", "get /persons/{personId}/photo", "put /persons/{personId}/photo",
                "post /photo-imports", "get /me/certificates", "get /certificates/queue", "get /certificates/{id}",
                "get /certificates/{id}/pdf", "get /certificates/{id}/ofd", "get /certificates/{id}/credential",
                "get /credentials/keys", "get /credentials/status/{list}", "post /certificates/{id}/revoke", "post /certificates/{id}/reinstate",
                "post /certificates/regenerate-all", "post /certificates/{id}/regenerate",
                "post /certificates/{id}/corrections", "get /corrections", "get /corrections/{id}",
                "get /corrections/{id}/evidence", "put /corrections/{id}/evidence", "post /corrections/{id}/approve", "post /corrections/{id}/reject",
                "get /filings/{id}/certificates", "post /filings/{id}/certificates/export",
                "get /filings/{id}/certificates/all.zip",
                "post /filings/{id}/certificates/revoke", "post /filings/{id}/certificates/reinstate", "get /verify/{token}",
                "post /verify/{token}/check", "post /verify/lookup", "post /verify/share-code", "get /me/checks",
                "get /me/share-codes", "post /me/share-codes", "post /me/share-codes/{id}/withdraw", "get /me/data", "get /me/data/pdf", "post /me/privacy-consent", "post /me/account-closure", "get /seals",
                "post /verifiers", "get /verifiers", "get /verifiers/{id}", "post /verifiers/{id}/approve",
                "post /verifiers/{id}/reject", "get /verifier", "get /verifier/checks",
                "post /verifications", "post /verifications/files", "get /verifications", "get /verifications/{id}",
                "get /verifications/{id}/xlsx", "get /verifications/{id}/pdf", "get /verify/reports/{token}",
                "get /verifier/api-keys", "post /verifier/api-keys", "delete /verifier/api-keys/{id}");
        List<String> found = new ArrayList<>();
        paths.fields().forEachRemaining(e -> e.getValue().fieldNames()
                .forEachRemaining(m -> found.add(m + " " + e.getKey())));
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(doc.at("/components/schemas/Filing/properties/approvalNumber/type").asText()).isEqualTo("string");
        assertThat(doc.at("/paths/~1filings/get/parameters").findValuesAsText("name"))
                .contains("name", "approvalNumber", "year", "type", "status", "page", "size", "sort");
    }

    @Test
    void unknownPathsAndMethodsAnswerJsonErrorsWithoutStackTraces() {
        Api.Response r = api.get("/api/v1/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(r.json().get("message").asText()).isEqualTo("接口不存在");

        Api.Response m = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/health"))
                .DELETE());
        assertThat(m.status()).isEqualTo(405);
        assertThat(m.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");

        Api.Response bad = Platform.shared().system().post("/api/v1/filings", "{not json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(bad.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void typedParametersAnswerBadValuesWithTheChineseErrorTheyAlwaysHad() {
        Api system = Platform.shared().system();
        Api.Response page = system.get("/api/v1/filings?page=abc");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(page.json().get("message").asText()).isEqualTo("参数 page 应为整数");
        Api.Response status = system.get("/api/v1/filings?status=DONE");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("message").asText()).isEqualTo("参数 status 应为 PENDING / APPROVED / REJECTED");
        Api.Response dryRun = system.post("/api/v1/certificates/regenerate-all?dryRun=maybe", "");
        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(dryRun.json().get("message").asText()).isEqualTo("参数 dryRun 应为 true 或 false");
        Api.Response from = system.get("/api/v1/audit?from=yesterday");
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.json().get("message").asText()).startsWith("参数 from 应为 ISO-8601 时间");
        // lower case and empty values are accepted as before
        assertThat(system.get("/api/v1/filings?type=review&status=&year=").status()).isEqualTo(200);
        Api.Response reason = system.post("/api/v1/certificates/1/revoke", java.util.Map.of("reason", "WHIM"));
        assertThat(reason.status()).isEqualTo(400);
        assertThat(reason.json().get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(reason.json().get("message").asText()).isEqualTo("字段 reason 应为 INFO_ERROR / BY_LAW / HOLDER_REQUEST / FRAUD");
    }

    @Test
    void aCreatedResourceIsLocatedOnTheHostTheCallerCalled() {
        Platform platform = Platform.shared();
        Api viaLocalhost = new Api("http://localhost:" + platform.port())
                .withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        Api.Response created = viaLocalhost.post("/api/v1/filings", java.util.Map.of("name", "Location 测试",
                "approvalNumber", TestFixtures.uniqueNumber("测试"), "year", 2024, "type", "REVIEW",
                "committeeId", TestFixtures.committee(viaLocalhost, "AHKJGP"),
                "issuingAuthorityId", TestFixtures.authority(viaLocalhost, "AHRS")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("http://localhost:" + platform.port() + "/api/v1/filings/"
                + created.json().get("id").asLong());
    }
}
