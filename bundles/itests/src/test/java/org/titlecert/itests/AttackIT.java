package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Brute force, account enumeration, CSRF, session fixation, logout, idle timeout and security headers. */
@Order(3)
class AttackIT {

    private final Platform platform = Platform.shared();
    private final Api api = platform.api();

    @Test
    void tenThousandWrongPasswordsGetNothingAndAreThrottledButTheOwnerStillGetsIn() throws Exception {
        DemoAccounts.Account victim = platform.accounts().all("individual").get(3);
        RawHttp attacker = new RawHttp("127.0.0.23", platform.port());
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                RawHttp.Reply r = attacker.postJson("/api/v1/auth/login", "{\"kind\":\"individual\",\"login\":\""
                        + victim.login() + "\",\"password\":\"guess" + n + "x\"}");
                if (r.status() == 200) {
                    successes.incrementAndGet();
                } else if (r.status() == 429) {
                    throttled.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String figure = String.format("brute force: 10000 wrong passwords in %.1f s: %d succeeded, %d throttled (429), "
                + "%d refused", seconds, successes.get(), throttled.get(), refused.get());
        System.out.println(figure);
        Files.writeString(Path.of(System.getProperty("titlecert.work")).resolve("brute-force.txt"), figure);
        assertThat(successes.get()).isZero();
        assertThat(throttled.get()).isGreaterThan(9_000);

        Platform.sleep(2_500);
        Api owner = api.login("individual", victim.login(), victim.secret());
        assertThat(owner.get("/api/v1/me").json().get("role").asText()).isEqualTo("INDIVIDUAL");
    }

    @Test
    void anUnknownAccountAndAWrongPasswordGetTheSameAnswer() {
        RawHttp client = new RawHttp("127.0.0.24", platform.port());
        DemoAccounts.Account known = platform.accounts().all("individual").get(1);
        RawHttp.Reply wrong = client.postJson("/api/v1/auth/login", "{\"kind\":\"individual\",\"login\":\""
                + known.login() + "\",\"password\":\"not-the-password1\"}");
        RawHttp.Reply unknown = client.postJson("/api/v1/auth/login",
                "{\"kind\":\"individual\",\"login\":\"11010519491231002X\",\"password\":\"not-the-password1\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(wrong.status());
        assertThat(unknown.body()).isEqualTo(wrong.body()).contains("账号或密码错误");

        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "HFRS");
        RawHttp other = new RawHttp("127.0.0.25", platform.port());
        String[] c1 = api.captcha();
        String[] c2 = api.captcha();
        RawHttp.Reply adminWrong = other.postJson("/api/v1/auth/login", "{\"kind\":\"admin\",\"login\":\""
                + admin.login() + "\",\"password\":\"nope12345\",\"captchaId\":\"" + c1[0] + "\",\"captchaAnswer\":\""
                + c1[1] + "\"}");
        RawHttp.Reply adminUnknown = other.postJson("/api/v1/auth/login", "{\"kind\":\"admin\",\"login\":\"nobody_here\","
                + "\"password\":\"nope12345\",\"captchaId\":\"" + c2[0] + "\",\"captchaAnswer\":\"" + c2[1] + "\"}");
        assertThat(adminWrong.status()).isEqualTo(401);
        assertThat(adminUnknown.status()).isEqualTo(401);
        assertThat(adminUnknown.body()).isEqualTo(adminWrong.body());
    }

    @Test
    void anAdminCaptchaIsRequiredAndWorksOnce() {
        DemoAccounts.Account admin = platform.accounts().first("sysadmin");
        RawHttp client = new RawHttp("127.0.0.26", platform.port());
        RawHttp.Reply none = client.postJson("/api/v1/auth/login", "{\"kind\":\"admin\",\"login\":\"" + admin.login()
                + "\",\"password\":\"" + admin.secret() + "\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("CAPTCHA_INVALID");
        String[] c = api.captcha();
        String body = "{\"kind\":\"admin\",\"login\":\"" + admin.login() + "\",\"password\":\"" + admin.secret()
                + "\",\"captchaId\":\"" + c[0] + "\",\"captchaAnswer\":\"" + c[1] + "\"}";
        assertThat(client.postJson("/api/v1/auth/login", body).status()).isEqualTo(200);
        assertThat(client.postJson("/api/v1/auth/login", body).status()).as("a captcha is used once").isEqualTo(400);
    }

    @Test
    void stateChangingCallsWithASessionNeedTheCsrfToken() {
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "AHCZ");
        Api session = api.login("admin", admin.login(), admin.secret());
        long id = session.post("/api/v1/filings", Map.of("name", "CSRF 测试", "approvalNumber",
                TestFixtures.uniqueNumber("跨站"), "year", 2020, "type", "REVIEW",
                "committeeId", TestFixtures.committee(session, "AHKJGP"),
                "issuingAuthorityId", TestFixtures.authority(session, "AHRS"))).json().get("id").asLong();
        Api.Response forged = session.send(java.net.http.HttpRequest.newBuilder(
                        session.uri("/api/v1/filings/" + id + "/roster"))
                .header("Cookie", "TCSESSION=" + session.sessionCookie()).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestFixtures.roster(1))));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(session.get("/api/v1/filings/" + id + "/roster").json().get("total").asInt()).isZero();

        Api.Response page = session.send(java.net.http.HttpRequest.newBuilder(session.uri("/admin/filings/" + id + "/reject"))
                .header("Cookie", "TCSESSION=" + session.sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reason=forged")));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("页面已过期或请求来源不明");
        assertThat(session.get("/api/v1/filings/" + id).json().get("status").asText()).isEqualTo("PENDING");
        assertThat(session.postBytes("/api/v1/filings/" + id + "/roster", "text/csv",
                TestFixtures.roster(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }

    @Test
    void loginIssuesANewSessionIdAndLogoutEndsItOnTheServer() {
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "HFRS");
        String fixed = "attacker-chosen-session-id-0123456789";
        String[] c = api.captcha();
        Api.Response r = api.send(api.request("/api/v1/auth/login").header("Cookie", "TCSESSION=" + fixed)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"admin\",\"login\":\"" + admin.login() + "\",\"password\":\"" + admin.secret()
                                + "\",\"captchaId\":\"" + c[0] + "\",\"captchaAnswer\":\"" + c[1] + "\"}")));
        assertThat(r.status()).isEqualTo(200);
        String issued = r.cookie("TCSESSION");
        assertThat(issued).isNotEqualTo(fixed).hasSizeGreaterThan(40);
        assertThat(r.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(api.withSession(fixed, "x").get("/api/v1/me").status()).isEqualTo(401);

        Api session = api.withSession(issued, r.json().get("csrfToken").asText());
        assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(session.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        assertThat(session.get("/api/v1/me").status()).as("the old cookie is dead on the server").isEqualTo(401);
    }

    @Test
    void idleSessionsExpire() throws Exception {
        Path cfg = platform.home().resolve("etc/org.titlecert.identity.cfg");
        String original = Files.readString(cfg);
        DemoAccounts.Account admin = platform.accounts().first("sysadmin");
        try {
            platform.config("org.titlecert.identity", original + "sessionIdleSeconds = 2");
            boolean expired = false;
            for (int attempt = 0; attempt < 10 && !expired; attempt++) {
                Api s = api.login("admin", admin.login(), admin.secret());
                assertThat(s.get("/api/v1/me").status()).isEqualTo(200);
                Platform.sleep(3_000);
                expired = s.get("/api/v1/me").status() == 401;
            }
            assertThat(expired).as("a session idle longer than the timeout ends").isTrue();
        } finally {
            platform.config("org.titlecert.identity", original.strip());
            Platform.sleep(3_000);
        }
    }

    /** Security finding 11: the CSRF token travels in form bodies only, multipart uploads included. */
    @Test
    void csrfTokensNeverTravelInUrlsAndMultipartFormsNeedThem() {
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "AHCZ");
        Api session = api.login("admin", admin.login(), admin.secret());
        String page = session.send(session.request("/admin/photo-imports").GET()).body();
        assertThat(page).contains("name=\"_csrf\"").doesNotContain("_csrf=");
        String boundary = "----titlecert" + System.nanoTime();
        java.util.function.Function<String, byte[]> form = token -> ("--" + boundary + "\r\n"
                + (token == null ? "" : "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\n") + "Content-Disposition: form-data; name=\"file\"; filename=\"p.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK-not-really\r\n--" + boundary + "--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.function.Function<byte[], Api.Response> post = body -> session.send(session.request(
                        "/admin/photo-imports").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
        Api.Response without = post.apply(form.apply(null));
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.body()).contains("页面已过期或请求来源不明");
        Api.Response with = post.apply(form.apply(session.csrf()));
        assertThat(with.status()).as("the token as a multipart field is enough").isEqualTo(200);
        assertThat(with.body()).contains("照片批量导入").doesNotContain("页面已过期");
        for (String path : List.of("/admin/filings", "/login", "/admin/login", "/register")) {
            assertThat(session.send(session.request(path).GET()).body()).as(path).doesNotContain("_csrf=");
        }
    }

    /**
     * 立即备份 (issue 12) starts a backup for system admins only: a unit admin gets 403, an individual and an
     * anonymous caller are sent to log in, in every spelling of the path, and no backup is started by them.
     */
    @Test
    void theBackupButtonRefusesAllButSystemAdmins() {
        Api unit = hfrsAdmin();
        Api person = anIndividual();
        int backupsBefore = platform.system().get("/api/v1/backups").json().size();
        java.util.function.BiFunction<Api, String, Api.Response> post = (who, path) -> formPost(who, path, "");
        List<String> paths = new java.util.ArrayList<>(List.of("/admin/system/backup"));
        paths.addAll(AccessMatrixIT.spellings("/admin/system/backup"));
        for (String path : paths) {
            assertThat(post.apply(unit, path).status()).as("unit admin " + path).isIn(302, 400, 403, 404);
            assertThat(post.apply(person, path).status()).as("individual " + path).isIn(302, 400, 403, 404);
            assertThat(post.apply(api, path).status()).as("anonymous " + path).isIn(302, 400, 403, 404);
        }
        assertThat(post.apply(unit, "/admin/system/backup").status()).isEqualTo(403);
        assertThat(post.apply(person, "/admin/system/backup").status()).isEqualTo(302);
        assertThat(platform.system().get("/api/v1/backups").json().size()).as("no backup started")
                .isEqualTo(backupsBefore);
    }

    /**
     * 撤销整批证书, 恢复整批证书 and 撤销恢复 are the system's: the unit's own admin is refused (403), individuals and
     * anonymous callers are sent to log in, in every spelling of the paths, and no certificate changes.
     */
    @Test
    void filingWideRevocationAndReinstatementRefuseAllButSystemAdmins() {
        Api unit = hfrsAdmin();
        Api person = anIndividual();
        long filing = platform.system().get("/api/v1/filings?approvalNumber=" + java.net.URLEncoder.encode(
                "合职改〔2021〕156号", java.nio.charset.StandardCharsets.UTF_8)).json().at("/items/0/id").asLong();
        JsonNode certificate = platform.system().get("/api/v1/filings/" + filing + "/certificates?size=1").json()
                .at("/items/0");
        String base = "/admin/filings/" + filing + "/certificates";
        String listed = "/api/v1/filings/" + filing + "/certificates?size=100";
        List<String> before = platform.system().get(listed).json().findValuesAsText("validity");
        List<String> paths = new java.util.ArrayList<>();
        for (String path : List.of(base + "/revoke", base + "/reinstate",
                base + "/" + certificate.get("id").asLong() + "/reinstate")) {
            paths.add(path);
            paths.addAll(AccessMatrixIT.spellings(path));
        }
        for (String path : paths) {
            String form = "reason=FRAUD&note=" + java.net.URLEncoder.encode("越权", java.nio.charset.StandardCharsets.UTF_8)
                    + "&";
            assertThat(formPost(unit, path, form).status()).as("unit admin " + path).isIn(400, 403, 404);
            assertThat(formPost(person, path, form).status()).as("individual " + path).isIn(302, 400, 403, 404);
            assertThat(formPost(api, path, form).status()).as("anonymous " + path).isIn(302, 400, 403, 404);
        }
        assertThat(formPost(unit, base + "/revoke", "reason=FRAUD&").status()).isEqualTo(403);
        assertThat(formPost(person, base + "/revoke", "reason=FRAUD&").status()).isEqualTo(302);
        assertThat(platform.system().get(listed).json().findValuesAsText("validity")).as("no certificate changed")
                .isEqualTo(before);
    }

    /** The page actions added with issues 10 and 16 refuse every caller but the one they are for. */
    @Test
    void newPageActionsRefuseTheWrongCallers() {
        Api unit = hfrsAdmin();
        Api person = anIndividual();
        long queuedBefore = platform.system().get("/api/v1/certificates/queue").json().get("queued").asLong();
        java.util.function.BiFunction<Api, String, Api.Response> post = (who, path) -> formPost(who, path,
                "action=regenerate-all&reason=x&");
        // 全部重新生成 is for system admins: a unit admin gets 403, others are sent to log in
        assertThat(post.apply(unit, "/admin/seals").status()).isEqualTo(403);
        assertThat(post.apply(person, "/admin/seals").status()).isEqualTo(302);
        assertThat(post.apply(api, "/admin/seals").status()).isEqualTo(302);
        assertThat(platform.system().get("/api/v1/certificates/queue").json().get("queued").asLong())
                .as("nothing was queued").isLessThanOrEqualTo(queuedBefore);
        // 驳回 of an account that did not choose HFRS and is on none of its rosters: not found, nothing changes
        String principal = person.get("/api/v1/me").json().get("principal").asText();
        String account = principal.substring(principal.indexOf(':') + 1);
        Api.Response reject = post.apply(unit, "/admin/individuals/" + account + "/reject");
        assertThat(reject.status()).isIn(403, 404, 409);
        assertThat(post.apply(person, "/admin/individuals/" + account + "/reject").status()).isEqualTo(302);
        assertThat(person.get("/api/v1/me").json().has("registrationRejected")).isFalse();
        for (String spelt : List.of("/%61dmin/seals", "/admin;x/seals", "/api/../admin/seals")) {
            assertThat(post.apply(unit, spelt).status()).as(spelt).isIn(400, 403, 404);
        }
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        DemoAccounts.Account ind = platform.accounts().all("individual").get(0);
        Api person = api.login("individual", ind.login(), ind.secret());
        for (Api.Response r : List.of(api.get("/"), api.get("/admin/login"), api.get("/login"),
                person.send(person.request("/me").GET()))) {
            assertThat(r.status()).isEqualTo(200);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).contains("object-src 'none'").contains("frame-ancestors 'self'").contains("script-src 'self'");
            String scriptSrc = csp.substring(csp.indexOf("script-src"));
            assertThat(scriptSrc.substring(0, scriptSrc.indexOf(';'))).doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(person.send(person.request("/me").GET()).header("Cache-Control")).isEqualTo("no-store");
        Api.Response icon = api.get("/favicon.ico");
        assertThat(icon.status()).as("the platform's icon, not a 404 on every first page").isEqualTo(200);
        assertThat(icon.contentType()).isEqualTo("image/x-icon");
        assertThat(icon.bytes()).startsWith((byte) 0, (byte) 0, (byte) 1, (byte) 0);
        assertThat(person.get("/api/v1/me/profile").header("Cache-Control")).contains("no-store");
        JsonNode me = person.get("/api/v1/me").json();
        assertThat(me.get("role").asText()).isEqualTo("INDIVIDUAL");
        assertThat(me.get("personId").isNumber()).isTrue();
    }

    /** A page form posted with the caller's CSRF token, if it has one. */
    /** A session of the demo unit admin of HFRS, whose filing is 合职改〔2021〕156号. */
    private Api hfrsAdmin() {
        DemoAccounts.Account unitAdmin = platform.accounts().of("unitadmin", "HFRS");
        return api.login("admin", unitAdmin.login(), unitAdmin.secret());
    }

    private Api anIndividual() {
        DemoAccounts.Account ind = platform.accounts().all("individual").get(1);
        return api.login("individual", ind.login(), ind.secret());
    }

    private static Api.Response formPost(Api who, String path, String fields) {
        return who.send(who.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fields + "_csrf="
                        + (who.csrf() == null ? "" : who.csrf()))));
    }
}
