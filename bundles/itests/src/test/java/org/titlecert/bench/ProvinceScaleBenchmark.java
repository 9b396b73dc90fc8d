package org.titlecert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.titlecert.itests.Api;
import org.titlecert.itests.DemoAccounts;
import org.titlecert.itests.Platform;
import org.titlecert.itests.Sso;
import org.titlecert.itests.TestFixtures;

/**
 * Issue 11's province-scale figures: the pages and calls people use, at 10,000 certificates and again at 1,000,000
 * (300,000 people), on the embedded Derby and on PostgreSQL; the approval of a 10,000-person filing at both sizes;
 * the heap of the node; the query plans of the hot queries (target/province-plans-*.txt).
 */
class ProvinceScaleBenchmark {

    private static final int SEED = 1000;
    private static final int SMALL = 10;
    private static final int LARGE = 1000;
    private static final int REQUESTS = 200;
    private static final String UNIT = "HFRS";

    @Test
    void derby() throws Exception {
        province("derby", false);
    }

    @Test
    void postgresql() throws Exception {
        province("postgresql", true);
    }

    private void province(String database, boolean postgresql) throws Exception {
        System.setProperty("derby.stream.error.file", System.getProperty("titlecert.work") + "/derby-bench.log");
        System.setProperty("derby.storage.pageCacheSize", "20000");
        Platform platform = Platform.create("province-" + database);
        if (postgresql) {
            platform.usePostgresql("province-" + database);
        }
        platform.configureForTests();
        platform.config("org.titlecert.certificate", "publicBaseUrl = " + platform.url(""),
                "verifyPerMinute = 100000000", "checkPerMinute = 100000");
        Path plans = Path.of(System.getProperty("titlecert.work")).getParent().resolve("province-plans-" + database
                + ".txt");
        Files.deleteIfExists(plans);
        try {
            platform.start();
            Api system = platform.system();
            long seed = Pipelines.photographedFiling(system, "省级规模种子批复", SEED, 600_000, Pipelines.UNSEALED);
            Pipelines.run(system, seed, SEED, platform);
            platform.stop();

            List<Long> filings = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            try (Connection db = platform.connectDatabase()) {
                ProvinceData data = new ProvinceData(db);
                double s = data.grow(seed, SMALL - 1, 3_000);
                filings.addAll(data.filings());
                tokens.addAll(data.tokens());
                Figures.report(String.format("province data on %s: %d certificates loaded in %.0f s", database,
                        data.count("SELECT COUNT(*) FROM TC_CERTIFICATE"), s));
            }
            platform.closeDerby();
            Figures.report(String.format("province data on %s: start with 10 k certificates to healthy %.1f s, "
                    + "idle %.1f s later", database, platform.start(), settle(platform)));
            Map<String, double[]> small = measure(platform, tokens, filings, 700_000);
            report(database, "10 k", small);
            platform.stop();

            try (Connection db = platform.connectDatabase()) {
                ProvinceData data = new ProvinceData(db);
                double s = data.grow(seed, LARGE - 1, 300_000);
                filings.addAll(data.filings());
                tokens.addAll(data.tokens());
                Figures.report(String.format("province data on %s: %d certificates, %d people loaded in %.0f s",
                        database, data.count("SELECT COUNT(*) FROM TC_CERTIFICATE"),
                        data.count("SELECT COUNT(*) FROM TC_PERSON"), s));
                if (postgresql) {
                    QueryPlans.resetStatistics(db);
                }
            }
            platform.closeDerby();
            double start = platform.start();
            Figures.report(String.format("province data on %s: start with 1 M certificates to healthy %.1f s, "
                    + "idle %.1f s later", database, start, settle(platform)));
            Map<String, double[]> large = measure(platform, tokens, filings, 720_000);
            report(database, "1 M", large);
            growth(database, small, large);
            if (postgresql) {
                try (Connection db = platform.connectDatabase()) {
                    QueryPlans.postgresql(db, plans, filings.get(filings.size() / 2));
                }
            }
            platform.stop();
            if (!postgresql) {
                try (Connection db = platform.connectDatabase()) {
                    QueryPlans.derby(db, plans, filings.get(filings.size() / 2));
                }
                platform.closeDerby();
            }
        } finally {
            platform.stop();
        }
    }

    /**
     * Waits until the platform is idle (under 5 % of a core for two seconds running), as the checks a start makes in
     * the background (certificates whose template or seal changed, approvals not yet recorded) end; returns the
     * seconds it took. The figures are of the platform serving, not of its start.
     */
    private static double settle(Platform platform) {
        long t0 = System.nanoTime();
        int quiet = 0;
        double last = Pipelines.cpuSeconds(platform);
        while (quiet < 2) {
            Platform.sleep(1000);
            double now = Pipelines.cpuSeconds(platform);
            quiet = now - last < 0.05 ? quiet + 1 : 0;
            last = now;
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("never idle").isLessThan(Duration.ofMinutes(5));
        }
        return (System.nanoTime() - t0) / 1e9 - 2;
    }

    /** p50 and p95 in ms of each page or call, and the approval of a new 10,000-person filing. */
    private static Map<String, double[]> measure(Platform platform, List<String> tokens, List<Long> filings,
                                                 int rosterOffset) throws Exception {
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", UNIT);
        Api unit = platform.api().login("admin", admin.login(), admin.secret());
        Api holder = holder(platform, unit);
        Random random = new Random(5);
        Map<String, double[]> out = new LinkedHashMap<>();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("备案列表 无筛选", "");
        filters.put("备案列表 名称", "&name=" + enc("工程"));
        filters.put("备案列表 批复文号", "&approvalNumber=" + enc("〔2020〕"));
        filters.put("备案列表 年度", "&year=2021");
        filters.put("备案列表 类型", "&type=EXAM");
        filters.put("备案列表 状态", "&status=PENDING");
        filters.put("备案列表 组合", "&name=" + enc("会计") + "&year=2023&type=RECOGNITION&status=APPROVED");
        double[] heap = HeapSampler.rise(platform, 1, () -> {
            filters.forEach((label, q) -> out.put(label, time(i -> unit.get("/admin/filings?page="
                    + (1 + random.nextInt(3)) + q))));
            out.put("证书导出页", time(i -> unit.get("/admin/filings/" + filings.get(random.nextInt(filings.size()))
                    + "/certificates?page=" + (1 + random.nextInt(50)))));
            out.put("证书导出页 已生成", time(i -> unit.get("/admin/filings/" + filings.get(random.nextInt(filings
                    .size())) + "/certificates?status=GENERATED&page=" + (1 + random.nextInt(50)))));
            out.put("我的职称 页面", time(i -> holder.get("/me/titles")));
            out.put("我的证书 API", time(i -> holder.get("/api/v1/me/certificates")));
            Api anonymous = platform.api();
            out.put("verify API 不同证书", time(i -> anonymous.get("/api/v1/verify/" + tokens.get(
                    (i * 7919) % tokens.size()))));
        });
        out.put("heap", heap);
        out.put("approve 10,000", new double[] {approveTenThousand(platform.system(), rosterOffset)});
        out.put("retained", new double[] {HeapSampler.retained(platform)});
        return out;
    }

    /**
     * The pool's first person, who holds a title in about every third filing: logs in through the government SSO and
     * completes the registration form, as on a first login.
     */
    private static Api holder(Platform platform, Api unit) {
        String id = ProvinceData.idNumber(0);
        Api holder = Sso.login(platform, id, ProvinceData.name(0));
        Map<String, Object> form = new HashMap<>(Map.of("realName", ProvinceData.name(0), "idNumber", id,
                "mobile", "13955500000", "gender", "女", "birthDate", id.substring(6, 10) + "-" + id.substring(10, 12)
                        + "-" + id.substring(12, 14), "politicalStatus", "群众", "ethnicity", "汉族",
                "email", "holder@example.com", "address", "安徽省合肥市", "workStartDate", "1985-07-01"));
        form.put("education", "大学本科");
        form.put("employerUnitId", unit.get("/api/v1/me").json().get("unitId").asLong());
        Api.Response saved = holder.put("/api/v1/me/profile", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return holder;
    }

    /** Times {@code REQUESTS} requests after 50 unmeasured ones; each must answer 200. {p50, p95} in ms. */
    private static double[] time(IntFunction<Api.Response> request) {
        for (int i = 0; i < 50; i++) {
            request.apply(i);
        }
        double[] ms = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            Api.Response r = request.apply(50 + i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return new double[] {Figures.percentile(ms, 50), Figures.percentile(ms, 95)};
    }

    /** Seconds from the approval of a new 10,000-person filing until all its certificate records exist. */
    private static double approveTenThousand(Api system, int offset) {
        long id = TestFixtures.filledFiling(system, "万人批复" + offset, 2026, TestFixtures.roster(10_000, offset));
        long t0 = System.nanoTime();
        TestFixtures.approve(system, id);
        while (system.get("/api/v1/filings/" + id + "/certificates?size=1").json().get("total").asLong() < 10_000) {
            Platform.sleep(100);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMinutes(5));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void report(String database, String size, Map<String, double[]> m) {
        StringBuilder line = new StringBuilder(String.format("province %s, %s certificates:", database, size));
        m.forEach((label, v) -> {
            if (v.length == 2) {
                line.append(String.format(" %s p50 %.1f / p95 %.1f ms;", label, v[0], v[1]));
            }
        });
        line.append(String.format(" approval of 10,000 people until all records exist %.1f s; heap retained %.0f MB,"
                + " peak rise while serving %.0f MB (capacity %.0f MB)", m.get("approve 10,000")[0],
                m.get("retained")[0], m.get("heap")[0], m.get("heap")[2]));
        Figures.report(line.toString());
    }

    /** Growth from 10 k to 1 M certificates of each p95 (goal: at most 2×). */
    private static void growth(String database, Map<String, double[]> small, Map<String, double[]> large) {
        StringBuilder line = new StringBuilder(String.format("province %s, growth 10 k → 1 M (p95):", database));
        small.forEach((label, v) -> {
            if (v.length == 2) {
                line.append(String.format(" %s %.2f×;", label, large.get(label)[1] / v[1]));
            }
        });
        line.append(String.format(" approval %.2f×", large.get("approve 10,000")[0] / small.get("approve 10,000")[0]));
        Figures.report(line.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** EXPLAIN of the hot queries, with parameters of the loaded data, into a file beside the benchmarks. */
    static final class QueryPlans {

        private QueryPlans() {
        }

        /** Starts pg_stat_statements' figures afresh (its library is preloaded by the tests' cluster). */
        static void resetStatistics(Connection db) throws Exception {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
            db.commit();
        }

        static void postgresql(Connection db, Path out, long filing) throws Exception {
            for (Map.Entry<String, String> q : hot(db, filing).entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) "
                        + q.getValue())) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                write(out, q.getKey(), q.getValue(), plan.toString());
            }
            StringBuilder top = new StringBuilder();
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT calls, "
                    + "round(mean_exec_time::numeric, 2), left(query, 300) FROM pg_stat_statements WHERE dbid = (SELECT "
                    + "oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE 'EXPLAIN%' "
                    + "ORDER BY mean_exec_time * calls DESC LIMIT 15")) {
                while (r.next()) {
                    top.append(String.format("%8d calls  %8s ms  %s%n", r.getLong(1), r.getString(2),
                            r.getString(3).replaceAll("\\s+", " ")));
                }
            } catch (java.sql.SQLException e) {
                top.append("pg_stat_statements not loaded: ").append(e.getMessage()).append('\n');
            }
            write(out, "the platform's statements by total time (pg_stat_statements)", "", top.toString());
        }

        static void derby(Connection db, Path out, long filing) throws Exception {
            try (Statement s = db.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                for (Map.Entry<String, String> q : hot(db, filing).entrySet()) {
                    try (ResultSet r = s.executeQuery(q.getValue())) {
                        while (r.next()) {
                            r.getObject(1);
                        }
                    }
                    try (ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                        r.next();
                        write(out, q.getKey(), q.getValue(), r.getString(1));
                    }
                }
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
            }
        }

        /** The SQL the services' JPQL becomes, with values from the data: a token, a person, a filing. */
        private static Map<String, String> hot(Connection db, long filing) throws Exception {
            String token;
            long person;
            long unit;
            try (Statement s = db.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT TOKEN, PERSON_ID, UNIT_ID FROM TC_CERTIFICATE WHERE "
                        + "FILING_ID = " + filing + " ORDER BY CERT_NUMBER")) {
                    r.next();
                    token = r.getString(1);
                    person = r.getLong(2);
                    unit = r.getLong(3);
                }
            }
            Map<String, String> q = new LinkedHashMap<>();
            q.put("备案列表: count, unit", "SELECT COUNT(ID) FROM TC_FILING WHERE UNIT_ID = " + unit);
            q.put("备案列表: page ids, unit", "SELECT ID FROM TC_FILING WHERE UNIT_ID = " + unit
                    + " ORDER BY FILING_YEAR DESC, ID DESC OFFSET 20 ROWS FETCH NEXT 20 ROWS ONLY");
            q.put("备案列表: page ids, unit + type", "SELECT ID FROM TC_FILING WHERE TYPE = 'EXAM' AND UNIT_ID = "
                    + unit + " ORDER BY FILING_YEAR DESC, ID DESC OFFSET 20 ROWS FETCH NEXT 20 ROWS ONLY");
            q.put("备案列表: page ids, name substring", "SELECT ID FROM TC_FILING WHERE NAME LIKE '%工程%' AND UNIT_ID = "
                    + unit + " ORDER BY FILING_YEAR DESC, ID DESC OFFSET 20 ROWS FETCH NEXT 20 ROWS ONLY");
            q.put("备案列表: the page's filings", "SELECT * FROM TC_FILING f, TC_UNIT u, TC_COMMITTEE c, TC_AUTHORITY a "
                    + "WHERE f.UNIT_ID = u.ID AND f.COMMITTEE_ID = c.ID AND f.AUTHORITY_ID = a.ID AND f.ID IN (" + filing
                    + ", " + (filing + 1) + ", " + (filing + 2) + ")");
            q.put("证书导出: page 25", "SELECT * FROM TC_CERTIFICATE WHERE FILING_ID = " + filing
                    + " ORDER BY CERT_NUMBER OFFSET 480 ROWS FETCH NEXT 20 ROWS ONLY");
            q.put("证书导出: count generated", "SELECT COUNT(ID) FROM TC_CERTIFICATE WHERE FILING_ID = " + filing
                    + " AND STATUS = 'GENERATED'");
            q.put("verify: by token", "SELECT * FROM TC_CERTIFICATE WHERE TOKEN = '" + token + "'");
            q.put("verify: versions", "SELECT * FROM TC_CERT_VERSION WHERE CERTIFICATE_ID = (SELECT ID FROM "
                    + "TC_CERTIFICATE WHERE TOKEN = '" + token + "') ORDER BY VERSION_NO");
            q.put("我的证书: by person", "SELECT * FROM TC_CERTIFICATE WHERE PERSON_ID = " + person
                    + " ORDER BY ISSUE_DATE DESC, ID DESC");
            q.put("我的职称: roster of a person's approved filings", "SELECT r.*, f.* FROM TC_ROSTER_ENTRY r, "
                    + "TC_FILING f WHERE r.FILING_ID = f.ID AND r.PERSON_ID = " + person + " AND f.STATUS = "
                    + "'APPROVED' ORDER BY f.FILING_YEAR DESC, r.ID DESC");
            q.put("approval: existing records of a filing", "SELECT ROSTER_ENTRY_ID FROM TC_CERTIFICATE WHERE "
                    + "FILING_ID = " + filing);
            q.put("queue: next to claim", "SELECT ID FROM TC_CERTIFICATE WHERE STATUS = 'QUEUED' ORDER BY QUEUED_AT, "
                    + "ID FETCH FIRST 64 ROWS ONLY");
            q.put("start: the ways certificates were made (templates, seals)", "SELECT REGION, TEMPLATE_KEY, "
                    + "COMMITTEE_CODE, COMMITTEE_SEAL, AUTHORITY_CODE, AUTHORITY_SEAL FROM TC_CERTIFICATE WHERE "
                    + "VALIDITY = 'VALID' AND STATUS IN ('GENERATED', 'FAILED') GROUP BY REGION, TEMPLATE_KEY, "
                    + "COMMITTEE_CODE, COMMITTEE_SEAL, AUTHORITY_CODE, AUTHORITY_SEAL");
            q.put("start: certificates per filing", "SELECT FILING_ID, COUNT(ID) FROM TC_CERTIFICATE GROUP BY "
                    + "FILING_ID");
            return q;
        }

        private static void write(Path out, String title, String sql, String plan) throws Exception {
            Files.writeString(out, "== " + title + "\n" + sql + "\n" + plan + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
