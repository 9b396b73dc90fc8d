package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL database and one S3 bucket, as a province scales out: what one node starts
 * (a session, a captcha, failed logins, a filing's certificates) the other continues, both generate from one
 * queue without rendering anything twice, and when one is killed the other takes over its claims.
 */
@Order(1)
@EnabledIf("org.titlecert.itests.PostgresCluster#enabled")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int LEASE_SECONDS = 10;
    private static TwoNodes nodes;
    private static Platform one;
    private static Platform two;
    private static Api system1;
    private static Api system2;

    @BeforeAll
    static void startTwoNodes() {
        nodes = TwoNodes.start("node", null, "leaseSeconds = " + LEASE_SECONDS, "verifyPerMinute = 20",
                "verifyBurst = 20");
        one = nodes.one;
        two = nodes.two;
        system1 = nodes.system(one);
        system2 = nodes.system(two);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void aCaptchaASessionAndALogoutOnOneNodeHoldOnTheOther() {
        DemoAccounts.Account admin = one.accounts().of("unitadmin", "AHCZ");
        String[] captcha = one.api().captcha();
        Api.Response login = two.api().post("/api/v1/auth/login", Map.of("kind", "admin", "login", admin.login(),
                "password", admin.secret(), "captchaId", captcha[0], "captchaAnswer", captcha[1]));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String cookie = login.cookie("TCSESSION");
        String csrf = login.json().get("csrfToken").asText();

        Api onOne = one.api().withSession(cookie, csrf);
        assertThat(onOne.get("/api/v1/me").json().get("principal").asText()).contains(admin.login());
        assertThat(onOne.get("/api/v1/filings").status()).isEqualTo(200);

        assertThat(onOne.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        assertThat(two.api().withSession(cookie, csrf).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theLoginThrottleCountsFailuresOnBothNodes() {
        DemoAccounts.Account victim = one.accounts().all("individual").get(2);
        RawHttp[] nodes = {new RawHttp("127.0.0.61", one.port()), new RawHttp("127.0.0.61", two.port())};
        String wrong = "{\"kind\":\"individual\",\"login\":\"" + victim.login() + "\",\"password\":\"wrong-guess-1\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(nodes[i % 2].postJson("/api/v1/auth/login", wrong).status()).as("attempt %d", i + 1)
                    .isEqualTo(401);
        }
        // three failures on node 1 and two on node 2: only the five together reach the threshold
        assertThat(nodes[1].postJson("/api/v1/auth/login", wrong).status()).isEqualTo(429);
        assertThat(nodes[0].postJson("/api/v1/auth/login", wrong).status()).isEqualTo(429);
    }

    @Test
    @Order(2)
    void aClientsVerificationLimitHoldsOverBothNodes() {
        while (java.time.LocalTime.now().getSecond() > 40) {
            Platform.sleep(1000); // the limit counts per minute: stay within one
        }
        JsonNode certificate = system1.get("/api/v1/filings/1/certificates?status=GENERATED&size=1").json()
                .get("items").get(0);
        String path = "/api/v1/verify/" + token(certificate);
        RawHttp[] nodes = {new RawHttp("127.0.0.62", one.port()), new RawHttp("127.0.0.62", two.port())};
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            int status = nodes[i % 2].get(path).status();
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        // 20 at once and 20 a minute on each node alone would let all 40 through
        assertThat(ok).as("answered over both nodes").isEqualTo(20);
        assertThat(limited).isEqualTo(40 - ok);
        assertThat(new RawHttp("127.0.0.63", two.port()).get(path).status()).as("another client").isEqualTo(200);
    }

    @Test
    @Order(2)
    void aRevocationOnOneNodeReachesTheOthersKeptAnswerWithinSeconds() {
        JsonNode certificate = system1.get("/api/v1/filings/1/certificates?status=GENERATED&size=2").json()
                .get("items").get(1);
        String path = "/api/v1/verify/" + token(certificate);
        // each request from its own address: the verification limit here is 20 a minute per client
        java.util.function.IntFunction<String> status = i -> {
            RawHttp.Reply r = new RawHttp("127.0.1." + i, two.port()).get(path);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            try {
                return Api.JSON.readTree(r.body()).get("status").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(status.apply(1)).as("node two keeps the answer (for a minute by default)").isEqualTo("VALID");
        long id = certificate.get("id").asLong();
        assertThat(system1.post("/api/v1/certificates/" + id + "/revoke", Map.of("reason", "HOLDER_REQUEST")).status())
                .isEqualTo(200);
        long revoked = System.nanoTime();
        int i = 2;
        while (!status.apply(i++).equals("REVOKED")) {
            assertThat(System.nanoTime() - revoked).as("node two drops its answer within 5 s").isLessThan(5_000_000_000L);
            Platform.sleep(200);
        }
        assertThat(system1.post("/api/v1/certificates/" + id + "/reinstate", Map.of("note", "本人撤回申请")).status()).isEqualTo(200);
        long reinstated = System.nanoTime();
        while (!status.apply(i++).equals("VALID")) {
            assertThat(System.nanoTime() - reinstated).as("and the reinstatement within 5 s").isLessThan(5_000_000_000L);
            Platform.sleep(200);
        }
    }

    @Test
    @Order(3)
    void bothNodesGenerateOneSealedFilingFromOneQueueAndRenderEachCertificateOnce() throws Exception {
        int people = 1000;
        long filing = photographedFiling("两节点盖章批复", people, 40000, "AHKJGP", "AHRS");
        TestFixtures.approve(system1, filing);
        List<JsonNode> certificates = TestFixtures.settledCertificates(system2, filing, people, 180);
        assertThat(certificates).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("GENERATED");
            assertThat(c.get("sealStatus").asText()).isEqualTo("SEALED");
        });

        Map<String, Long> byNode = versionsByNode(filing);
        assertThat(byNode.keySet()).as("the nodes that rendered: %s", byNode).containsExactlyInAnyOrder("node-1", "node-2");
        assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(people);
        assertRenderedOnceWithUniqueNumbers(filing, people);

        // a certificate rendered by either node downloads from both, byte for byte, and its seals validate
        for (JsonNode c : List.of(certificates.get(0), certificates.get(people - 1))) {
            byte[] fromOne = system1.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
            byte[] fromTwo = system2.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
            assertThat(fromTwo).isEqualTo(fromOne);
            assertThat(CertificateApiIT.Sha.of(fromOne)).isEqualTo(c.get("sha256").asText());
            JsonNode check = one.api().postBytes("/api/v1/verify/" + token(c) + "/check", "application/pdf", fromTwo)
                    .json();
            assertThat(check.get("outcome").asText()).isEqualTo("CURRENT");
        }

        // each node signs credentials with its own key, and both publish both: a credential from either checks on either
        JsonNode keys = one.api().get("/api/v1/credentials/keys").json().get("keys");
        assertThat(two.api().get("/api/v1/credentials/keys").json().get("keys")).isEqualTo(keys);
        java.util.Set<String> kids = new java.util.HashSet<>();
        for (String node : List.of("node-1", "node-2")) {
            long id = renderedBy(filing, node);
            String vc = system1.get("/api/v1/certificates/" + id + "/credential").body();
            kids.add(com.nimbusds.jose.JWSObject.parse(vc).getHeader().getKeyID());
            JsonNode c = system2.get("/api/v1/certificates/" + id).json();
            JsonNode check = (node.equals("node-1") ? two : one).api().postBytes("/api/v1/verify/" + token(c) + "/check",
                    "application/vc+jwt", vc.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).json();
            assertThat(check.get("outcome").asText()).as("%s", check).isEqualTo("CURRENT");
            assertThat(check.at("/seals/seals/0/trusted").asBoolean()).isTrue();
        }
        assertThat(kids).as("two nodes, two keys").hasSize(2);
        assertThat(keys.findValuesAsText("kid")).containsAll(kids);
    }

    /** A certificate of the filing whose version the node rendered. */
    private static long renderedBy(long filing, String node) throws SQLException {
        return count("SELECT MIN(c.ID) FROM TC_CERT_VERSION v JOIN TC_CERTIFICATE c ON c.ID = v.CERTIFICATE_ID "
                + "WHERE c.FILING_ID = " + filing + " AND v.NODE = '" + node + "'");
    }

    @Test
    @Order(4)
    void whenANodeIsKilledTheOtherTakesOverItsClaimsOnceTheirLeaseExpires() throws Exception {
        int people = 2000;
        long[] filings = new long[3];
        for (int i = 0; i < filings.length; i++) {
            filings[i] = photographedFiling("两节点宕机批复" + (i + 1), people, 42000 + i * people, "HFGCZP", "HFRSJ");
        }
        String ids = java.util.Arrays.stream(filings).mapToObj(Long::toString).collect(Collectors.joining(","));
        for (long filing : filings) {
            TestFixtures.approve(system2, filing);
        }
        String heldByTwo = "SELECT COUNT(*) FROM TC_CERTIFICATE WHERE FILING_ID IN (" + ids
                + ") AND CLAIMED_BY LIKE 'node-2#%'";
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count(heldByTwo) == 0 || count("SELECT COUNT(*) FROM TC_CERTIFICATE WHERE FILING_ID IN (" + ids
                + ") AND STATUS = 'GENERATED'") < 1000) {
            assertThat(System.nanoTime()).as("node 2 never held claims mid-way").isLessThan(deadline);
            Platform.sleep(50);
        }
        two.kill();
        long orphaned = count(heldByTwo);
        assertThat(orphaned).as("claims node 2 held when it died").isPositive();

        List<JsonNode> certificates = new java.util.ArrayList<>();
        for (long filing : filings) {
            certificates.addAll(TestFixtures.settledCertificates(system1, filing, people, 300));
        }
        System.out.printf("node 2 killed holding %d claims; node 1 finished %d certificates%n", orphaned,
                certificates.size());
        assertThat(certificates).hasSize(3 * people)
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("GENERATED"));
        for (long filing : filings) {
            assertRenderedOnceWithUniqueNumbers(filing, people);
        }
        assertThat(count("SELECT COUNT(*) FROM TC_CERTIFICATE WHERE FILING_ID IN (" + ids
                + ") AND CLAIMED_BY IS NOT NULL")).isZero();
        // every object is in the bucket, whole, and is what the record says; some download through the node
        for (JsonNode c : certificates) {
            String sha = c.get("sha256").asText();
            Path object = nodes.s3.objects().resolve("certificates").resolve(sha.substring(0, 2))
                    .resolve(sha.substring(2, 4)).resolve(sha + ".pdf");
            assertThat(CertificateApiIT.Sha.of(Files.readAllBytes(object))).as("certificate %s",
                    c.get("certificateNumber")).isEqualTo(sha);
        }
        for (JsonNode c : certificates.subList(0, 100)) {
            byte[] pdf = system1.get("/api/v1/certificates/" + c.get("id").asLong() + "/pdf").bytes();
            assertThat(CertificateApiIT.Sha.of(pdf)).isEqualTo(c.get("sha256").asText());
        }
    }

    private static void assertRenderedOnceWithUniqueNumbers(long filing, int people) throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM TC_CERT_VERSION v JOIN TC_CERTIFICATE c ON c.ID = v.CERTIFICATE_ID "
                + "WHERE c.FILING_ID = " + filing)).as("versions").isEqualTo(people);
        assertThat(count("SELECT COUNT(*) FROM TC_CERTIFICATE WHERE FILING_ID = " + filing + " AND VERSION_NO <> 1"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM (SELECT CERT_NUMBER FROM TC_CERTIFICATE GROUP BY CERT_NUMBER "
                + "HAVING COUNT(*) > 1) d")).as("duplicate numbers").isZero();
    }

    private static Map<String, Long> versionsByNode(long filing) throws SQLException {
        Map<String, Long> byNode = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT v.NODE, COUNT(*) FROM TC_CERT_VERSION v JOIN TC_CERTIFICATE c "
                     + "ON c.ID = v.CERTIFICATE_ID WHERE c.FILING_ID = " + filing + " GROUP BY v.NODE")) {
            while (r.next()) {
                byNode.put(r.getString(1), r.getLong(2));
            }
        }
        return byNode;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return nodes.database();
    }

    /** A pending filing of these issuers with {@code people} people, each with an ID photo (imported on node 2). */
    private static long photographedFiling(String name, int people, int offset, String committee, String authority) {
        return TestFixtures.photographedFiling(system1, system2, name, people, offset, committee, authority);
    }

    private static String token(JsonNode certificate) {
        String url = certificate.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

}
