package org.titlecert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.titlecert.itests.Api;
import org.titlecert.itests.Platform;
import org.titlecert.itests.TestFixtures;

/**
 * Issue 2's figures: boot and restart to healthy, a 10,000-row roster import, and the filing list
 * with filters over 10,000 filings. Runs on its own copy of the distribution.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationBenchmark {

    private static Platform platform;
    private static Api api;

    @BeforeAll
    static void boot() {
        platform = Platform.create("bench-foundation");
        double first = platform.start();
        Figures.report(String.format("first boot to healthy: %.1f s", first));
        double[] restarts = new double[3];
        for (int i = 0; i < restarts.length; i++) {
            restarts[i] = platform.restart();
        }
        Figures.report(String.format("restart to healthy: median %.1f s (runs %s)", Figures.median(restarts),
                java.util.Arrays.toString(restarts)));
        api = platform.api();
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @Test
    @Order(1)
    void importTenThousandRowRoster() {
        double[] seconds = new double[3];
        for (int run = 0; run < seconds.length; run++) {
            long id = TestFixtures.filing(api, "导入基准" + run, 2020, "REVIEW").get("id").asLong();
            byte[] csv = TestFixtures.roster(10_000, run * 10_000).getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            Api.Response r = api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv", csv);
            seconds[run] = (System.nanoTime() - t0) / 1e9;
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("inserted").asInt()).isEqualTo(10_000);
        }
        Figures.report(String.format("import 10,000-row roster (new people): median %.2f s (runs %s)",
                Figures.median(seconds), java.util.Arrays.toString(seconds)));

        long id = TestFixtures.filing(api, "导入基准重复", 2020, "REVIEW").get("id").asLong();
        byte[] csv = TestFixtures.roster(10_000, 0).getBytes(StandardCharsets.UTF_8);
        api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv", csv);
        long t0 = System.nanoTime();
        Api.Response again = api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv", csv);
        double same = (System.nanoTime() - t0) / 1e9;
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(10_000);
        Figures.report(String.format("re-import of the same 10,000 rows (no change): %.2f s", same));
    }

    @Test
    @Order(2)
    void listFilingsWithFiltersOverTenThousandFilings() throws Exception {
        long committee = TestFixtures.committee(api, "AHKJGP");
        long authority = TestFixtures.authority(api, "AHRS");
        String[] types = {"REVIEW", "RECOGNITION", "EXAM", "EXAM_AND_REVIEW"};
        String[] series = {"会计", "工程", "卫生", "教师", "经济", "农业", "统计", "审计"};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> created = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            created.add(pool.submit(() -> api.post("/api/v1/filings", Map.of(
                    "name", (2015 + n % 10) + "年度" + series[n % series.length] + "系列职称评审第" + n + "批",
                    "approvalNumber", "基准〔" + (2015 + n % 10) + "〕" + n + "号", "year", 2015 + n % 10,
                    "type", types[n % types.length], "committeeId", committee,
                    "issuingAuthorityId", authority)).status()));
        }
        for (Future<Integer> f : created) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();
        Figures.report(String.format("created 10,000 filings over REST in %.1f s (4 clients)",
                (System.nanoTime() - t0) / 1e9));

        Random random = new Random(42);
        String[] queries = new String[20];
        for (int i = 0; i < queries.length; i++) {
            StringBuilder q = new StringBuilder("size=20&page=" + (1 + random.nextInt(5)));
            if (random.nextBoolean()) {
                q.append("&year=").append(2015 + random.nextInt(10));
            }
            if (random.nextBoolean()) {
                q.append("&type=").append(types[random.nextInt(types.length)]);
            }
            if (random.nextInt(3) == 0) {
                q.append("&status=PENDING");
            }
            if (random.nextInt(3) == 0) {
                q.append("&name=").append(java.net.URLEncoder.encode(series[random.nextInt(series.length)],
                        StandardCharsets.UTF_8));
            }
            if (random.nextInt(5) == 0) {
                q.append("&approvalNumber=").append(random.nextInt(9999));
            }
            queries[i] = q.toString();
        }
        for (int i = 0; i < 200; i++) {
            api.get("/api/v1/filings?" + queries[i % queries.length]);
        }
        double[] ms = new double[2000];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            Api.Response r = api.get("/api/v1/filings?" + queries[i % queries.length]);
            ms[i] = (System.nanoTime() - s) / 1e6;
            assertThat(r.status()).isEqualTo(200);
        }
        Figures.report(String.format("GET /filings with filters over %d filings: p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms (%d requests, one client)",
                api.get("/api/v1/filings?size=1").json().get("total").asLong(), Figures.percentile(ms, 50),
                Figures.percentile(ms, 95), Figures.percentile(ms, 99), ms.length));
    }
}
