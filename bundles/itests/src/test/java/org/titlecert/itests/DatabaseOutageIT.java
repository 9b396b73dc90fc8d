package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PostgreSQL (a cluster of this test's own) stopped for 30 s while a filing generates: meanwhile the API and the pages answer 503 with
 * Retry-After and a Chinese message (never a stack trace), readiness says DOWN and liveness UP; when the database
 * is back everything resumes by itself, every generation thread alive and the filing generated whole.
 */
@Order(3)
@EnabledIf("org.titlecert.itests.PostgresCluster#enabled")
class DatabaseOutageIT {

    private static final int PEOPLE = 300;
    private static PostgresCluster database;
    private static Platform platform;
    private static Api system;

    @BeforeAll
    static void start() {
        database = PostgresCluster.ofItsOwn();
        platform = Platform.create("outage");
        platform.database(database.createDatabase("outage"), PostgresCluster.USER, database.password());
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
        if (database != null) {
            database.close();
        }
    }

    @Test
    void thirtySecondsWithoutTheDatabaseAnswer503AndEverythingResumes() throws Exception {
        long filing = TestFixtures.photographedFiling(system, system, "数据库中断期间的批复", PEOPLE, 80000, "AHKJGP",
                "AHRS");
        TestFixtures.approve(system, filing);
        while (system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=1").json().get("total")
                .asInt() < 20) {
            Platform.sleep(20);
        }
        DemoAccounts.Account admin = platform.accounts().first("sysadmin");
        Api session = platform.api().login("admin", admin.login(), admin.secret());

        database.pause();
        long down = System.nanoTime();
        try {
            int checks = 0;
            while (System.nanoTime() - down < 30_000_000_000L) {
                Api.Response api = system.get("/api/v1/filings");
                assertThat(api.status()).as(api.body()).isEqualTo(503);
                assertThat(api.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(api.json().get("message").asText()).isEqualTo("数据库暂时无法访问，请稍后重试");
                assertThat(api.header("Retry-After")).isEqualTo("30");
                Api.Response page = session.get("/admin/filings");
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains("数据库暂时无法访问").doesNotContain("Exception").doesNotContain("at org.");
                Api.Response ready = platform.api().get("/api/health/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().at("/checks/database").asBoolean()).isFalse();
                assertThat(platform.api().get("/api/health/live").status()).isEqualTo(200);
                checks++;
                Platform.sleep(1000);
            }
            System.out.printf("database down for 30 s: %d rounds of checks answered 503 as they should%n", checks);
        } finally {
            database.resume();
        }
        long back = System.nanoTime();
        platform.awaitHealthy(java.time.Duration.ofSeconds(60));
        System.out.printf("ready again %.1f s after the database%n", (System.nanoTime() - back) / 1e9);
        assertThat(system.get("/api/v1/filings").status()).isEqualTo(200);
        assertThat(session.get("/admin/filings").status()).isEqualTo(200);
        List<JsonNode> certificates = TestFixtures.settledCertificates(system, filing, PEOPLE, 180);
        assertThat(certificates).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
        System.out.printf("the filing's %d certificates generated %.1f s after the database came back%n", PEOPLE,
                (System.nanoTime() - back) / 1e9);

        // no generation thread died
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(platform.pid()), "Thread.print").redirectErrorStream(true).start();
        String threads = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(threads).contains("\"titlecert-certificate-dispatcher\"", "\"titlecert-certificate-committer\"",
                "\"titlecert-certificate-worker-1\"", "\"titlecert-certificate-maintenance\"",
                "\"titlecert-metrics-sampler\"");
    }
}
