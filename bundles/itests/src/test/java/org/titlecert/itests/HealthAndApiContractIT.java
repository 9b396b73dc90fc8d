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
                "get /filings", "post /filings", "get /filings/{id}", "put /filings/{id}",
                "post /filings/{id}/approve", "post /filings/{id}/reject",
                "post /filings/{id}/roster", "get /filings/{id}/roster",
                "put /filings/{id}/approval-document", "get /filings/{id}/approval-document",
                "get /captcha", "post /auth/login", "post /auth/register", "post /auth/logout", "get /me",
                "get /me/profile", "put /me/profile", "get /admin-accounts", "post /admin-accounts",
                "post /admin-accounts/{id}/disable", "post /admin-accounts/{id}/enable",
                "post /admin-accounts/{id}/reset-password", "get /api-keys", "post /api-keys",
                "delete /api-keys/{id}", "get /individuals/pending", "post /individuals/{accountId}/confirm",
                "post /individuals/{accountId}/reject",
                "get /audit", "get /me/titles", "get /me/titles/{rosterEntryId}", "get /me/photo", "put /me/photo",
                "get /persons/{personId}/titles", "get /persons/{personId}/photo", "put /persons/{personId}/photo",
                "post /photo-imports", "get /me/certificates", "get /certificates/queue", "get /certificates/{id}",
                "get /certificates/{id}/pdf", "post /certificates/{id}/revoke",
                "post /certificates/regenerate-all", "post /certificates/{id}/regenerate",
                "get /filings/{id}/certificates", "post /filings/{id}/certificates/export", "get /verify/{token}",
                "post /verify/{token}/check", "get /seals");
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
}
