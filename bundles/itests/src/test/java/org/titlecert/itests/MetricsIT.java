package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The metrics as Prometheus scrapes them with a key that may read nothing else, and as the dashboard charts
 * them: each thing the platform does shows in its series.
 */
class MetricsIT {

    private static Platform platform;
    private static Api system;

    @BeforeAll
    static void start() {
        platform = Platform.shared();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
    }

    @Test
    void aScrapeKeyReadsEveryMetricAndNothingElse() {
        // things to be counted: a failed admin login, a verification, a filing list
        assertThat(platform.api().tryLogin("individual", "nobody-here", "wrong-password").status()).isEqualTo(401);
        JsonNode certificate = system.get("/api/v1/filings/1/certificates?status=GENERATED&size=1").json().get("items").get(0);
        String url = certificate.get("verificationUrl").asText();
        assertThat(platform.api().get("/api/v1/verify/" + url.substring(url.lastIndexOf('/') + 1)).status())
                .isEqualTo(200);
        assertThat(system.get("/api/v1/filings").status()).isEqualTo(200);

        Api.Response created = system.post("/api/v1/api-keys", Map.of("label", "Prometheus 抓取",
                "scopes", List.of("metrics:read")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api scraper = platform.api().withKey(created.json().get("secret").asText());
        assertThat(scraper.get("/api/v1/filings").status()).isEqualTo(403);
        assertThat(scraper.get("/api/v1/audit").status()).isEqualTo(403);

        Api.Response scrape = scraper.get("/api/v1/metrics");
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain").contains("version=0.0.4");
        String text = scrape.body();
        assertThat(value(text, "titlecert_certificates_generated_total")).as("demo certificates").isPositive();
        assertThat(value(text, "titlecert_certificate_render_seconds_count")).isPositive();
        assertThat(text).contains("titlecert_certificate_render_seconds_bucket{le=\"0.1\"}")
                .contains("titlecert_certificate_seal_seconds_count{role=\"COMMITTEE\"}");
        assertThat(value(text, "titlecert_queue_depth")).isZero();
        assertThat(text).contains("titlecert_queue_oldest_seconds");
        assertThat(value(text, "titlecert_logins_total{action=\"LOGIN\",outcome=\"FAILURE\"}")).isPositive();
        assertThat(value(text, "titlecert_verifications_total{kind=\"page\",result=\"VALID\"}")).isPositive();
        assertThat(value(text, "titlecert_api_requests_total{method=\"GET\",route=\"/filings\",status=\"200\"}"))
                .isPositive();
        assertThat(value(text, "titlecert_api_requests_total{method=\"GET\",route=\"/filings\",status=\"403\"}"))
                .as("the scrape key's refusal").isPositive();
        assertThat(value(text, "titlecert_data_disk_free_bytes")).isPositive();
        assertThat(value(text, "jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
        assertThat(text).contains("process_cpu_seconds_total").contains("jvm_threads_current");
        // made-up addresses add no series
        assertThat(platform.api().get("/api/v1/no-such-route-" + System.nanoTime()).status()).isEqualTo(404);
        assertThat(scraper.get("/api/v1/metrics").body()).doesNotContain("no-such-route")
                .contains("route=\"unmatched\"");

        assertThat(platform.accounts().all("unitapi").stream().map(a -> platform.api().withKey(a.secret())
                .get("/api/v1/metrics").status())).containsOnly(403);
        assertThat(platform.api().get("/api/v1/metrics").status()).isEqualTo(401);
    }

    @Test
    void theDashboardChartsWhatHappened() {
        JsonNode certificate = system.get("/api/v1/filings/1/certificates?status=GENERATED&size=1").json()
                .get("items").get(0);
        assertThat(system.post("/api/v1/certificates/" + certificate.get("id").asLong() + "/regenerate", "").status())
                .isEqualTo(200);
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode dashboard;
        do {
            Platform.sleep(500);
            dashboard = system.get("/api/v1/metrics/dashboard").json();
            assertThat(System.nanoTime()).as("no points: %s", dashboard).isLessThan(deadline);
        } while (series(dashboard, "heap").size() < 2 || last(series(dashboard, "queue_depth")) != 0
                || series(dashboard, "render").stream().noneMatch(v -> v != null && v > 0));
        assertThat(dashboard.get("intervalSeconds").asInt()).isEqualTo(2);
        assertThat(dashboard.findValuesAsText("key")).containsExactly("queue_depth", "queue_oldest", "generated",
                "render", "failures", "verifications", "refusals", "logins", "login_failures", "http_errors", "heap",
                "disk_free");
        assertThat(dashboard.findValuesAsText("title")).contains("生成队列", "生成速度", "数据盘可用");
        assertThat(last(series(dashboard, "heap"))).isPositive();
        assertThat(last(series(dashboard, "disk_free"))).isPositive();
        // the certificate made again: drawn (its render time charted), and generated at some rate
        assertThat(series(dashboard, "generated")).anySatisfy(v -> assertThat(v).isPositive());
    }

    private static double last(List<Double> values) {
        return values.isEmpty() || values.get(values.size() - 1) == null ? -1 : values.get(values.size() - 1);
    }

    private static List<Double> series(JsonNode dashboard, String key) {
        for (JsonNode s : dashboard.get("series")) {
            if (s.get("key").asText().equals(key)) {
                List<Double> values = new java.util.ArrayList<>();
                s.get("values").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
                return values;
            }
        }
        throw new AssertionError("no series " + key);
    }

    /** A sample's value in the Prometheus text, e.g. {@code name} or {@code name{label="v"}}. */
    static double value(String text, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("%s in%n%s", sample, text.length() > 4000 ? text.substring(0, 4000) : text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
