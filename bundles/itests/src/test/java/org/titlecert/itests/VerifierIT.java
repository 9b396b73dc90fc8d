package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 查验单位: organisations apply with their 统一社会信用代码, a system admin approves or stops them; an approved
 * verifier's checks carry its name into the holder's 查验记录, it alone can use the share codes made for it, and it
 * reaches nothing of a unit's or a person's records.
 */
class VerifierIT {

    private static final int OFFSET = 98000;
    private static Platform platform;
    private static Api system;
    private static Api holder;
    private static String[] person;
    private static JsonNode cert;
    private WebDriver browser;

    @BeforeAll
    static void issued() {
        platform = Platform.shared();
        system = platform.system();
        long filing = TestFixtures.photographedFiling(system, system, "查验单位测试", 1, OFFSET, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        cert = TestFixtures.settledCertificates(system, filing, 1).get(0);
        person = TestFixtures.rows(1, OFFSET).get(0).split(",");
        holder = TestFixtures.confirmedAccount(platform, person, "verified" + OFFSET + "@example.com", "Chayan2026ok");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** A valid 统一社会信用代码 of Hefei's 蜀山区 made from {@code seed} (GB 32100-2015 check character). */
    static String creditCode(int seed) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91340104MA2" + String.format("%06d", seed);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(body.charAt(i)) * w[i];
        }
        return body + chars.charAt((31 - sum % 31) % 31);
    }

    private static Api.Response apply(Api api, String name, String code, String login, String password) {
        String[] c = api.captcha();
        Map<String, String> body = new HashMap<>(Map.of("name", name, "creditCode", code, "contactName", "张敏",
                "contactMobile", "13955550123", "login", login, "password", password));
        body.put("captchaId", c[0]);
        body.put("captchaAnswer", c[1]);
        return api.post("/api/v1/verifiers", body);
    }

    private static Api.Response login(String login, String password) {
        return platform.api().tryLogin("verifier", login, password);
    }

    /**
     * A verifier login meant to fail, from an address of its own: the failures it counts must not make every other
     * test's logins from the usual address ask for a captcha.
     */
    private static String failedLogin(String login, String password) {
        String[] c = platform.api().captcha();
        RawHttp.Reply r = new RawHttp("127.0.0.41", platform.port()).postJson("/api/v1/auth/login",
                "{\"kind\":\"verifier\",\"login\":\"" + login + "\",\"password\":\"" + password
                        + "\",\"captchaId\":\"" + c[0] + "\",\"captchaAnswer\":\"" + c[1] + "\"}");
        assertThat(r.status()).isEqualTo(401);
        return r.body();
    }

    private static Api.Response lookup(Api api) {
        String[] c = api.captcha();
        return api.post("/api/v1/verify/lookup", Map.of("certificateNumber", cert.get("certificateNumber").asText(),
                "name", person[0], "captchaId", c[0], "captchaAnswer", c[1]));
    }

    @Test
    void anApprovedVerifiersChecksAndShareCodesCarryItsNameAndItReachesNothingElse() {
        Api anyone = platform.api();
        // what is wrong is said field by field, the credit code's check character too
        String code = creditCode(OFFSET);
        Api.Response bad = apply(anyone, "查", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'),
                "hr" + OFFSET, "short");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("VERIFIER_INVALID");
        Map<String, String> errors = new HashMap<>();
        bad.json().get("errors").forEach(e -> errors.put(e.get("column").asText(), e.get("reason").asText()));
        assertThat(errors).containsKeys("name", "creditCode", "password");
        assertThat(errors.get("creditCode")).contains("校验位");

        Api.Response applied = apply(anyone, "合肥查验测试科技有限公司", code, "hr" + OFFSET, "Chayan2026hr");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asText()).isEqualTo("PENDING");
        long id = applied.json().get("id").asLong();
        assertThat(apply(anyone, "另一家公司", code, "hr2" + OFFSET, "Chayan2026hr").json().get("code").asText())
                .as("one application per credit code").isEqualTo("VERIFIER_EXISTS");
        assertThat(apply(anyone, "另一家公司", creditCode(OFFSET + 1), "hr" + OFFSET, "Chayan2026hr").json()
                .get("code").asText()).isEqualTo("LOGIN_TAKEN");

        // pending: the right password is told to wait, a wrong one learns nothing
        Api.Response pending = login("hr" + OFFSET, "Chayan2026hr");
        assertThat(pending.status()).isEqualTo(403);
        assertThat(pending.json().get("code").asText()).isEqualTo("VERIFIER_PENDING");
        assertThat(failedLogin("hr" + OFFSET, "Wrong2026hr")).contains("LOGIN_FAILED");
        // the admin login is not the verifier's, nor the other way round
        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        assertThat(failedLogin(sys.login(), sys.secret())).contains("LOGIN_FAILED");

        assertThat(system.get("/api/v1/verifiers?status=PENDING&size=200").json().get("items").findValuesAsText("id"))
                .contains(String.valueOf(id));
        assertThat(holder.get("/api/v1/verifiers").status()).isEqualTo(403);
        assertThat(system.post("/api/v1/verifiers/" + id + "/approve", "").json().get("status").asText())
                .isEqualTo("APPROVED");
        assertThat(system.post("/api/v1/verifiers/" + id + "/approve", "").json().get("code").asText())
                .isEqualTo("VERIFIER_NOT_PENDING");
        Api verifier = platform.api().login("verifier", "hr" + OFFSET, "Chayan2026hr");
        JsonNode me = verifier.get("/api/v1/me").json();
        assertThat(me.get("role").asText()).isEqualTo("VERIFIER");
        assertThat(verifier.get("/api/v1/verifier").json().get("creditCode").asText()).isEqualTo(code);

        // a verifier reaches nothing of a unit's or a person's
        for (String path : List.of("/api/v1/filings", "/api/v1/me/certificates", "/api/v1/me/titles",
                "/api/v1/certificates/" + cert.get("id").asLong(), "/api/v1/certificates/" + cert.get("id").asLong()
                        + "/pdf", "/api/v1/units", "/api/v1/me/checks", "/api/v1/individuals/pending")) {
            Api.Response r = verifier.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("code").asText()).as(path).isEqualTo("VERIFIER_FORBIDDEN");
        }

        // its lookup is masked as anyone's, and its name shows in the holder's 查验记录 and in its own list
        JsonNode found = lookup(verifier).json();
        assertThat(found.get("maskedIdNumber").asText()).contains("*");
        assertThat(found.toString()).doesNotContain(person[1]);
        awaitCheck(holder, "/api/v1/me/checks?size=200", "LOOKUP", "合肥查验测试科技有限公司");
        awaitCheck(verifier, "/api/v1/verifier/checks", "LOOKUP", null);
        assertThat(verifier.get("/api/v1/verifier/checks").json().at("/items/0/certificateNumber").asText())
                .isEqualTo(cert.get("certificateNumber").asText());

        // a share code for this verifier alone
        Api.Response unknown = holder.post("/api/v1/me/share-codes", Map.of("days", 1,
                "verifierCreditCode", creditCode(OFFSET + 2)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("SHARE_VERIFIER_UNKNOWN");
        JsonNode made = holder.post("/api/v1/me/share-codes", Map.of("days", 1, "verifierCreditCode",
                code.toLowerCase())).json();
        assertThat(made.at("/shareCode/verifierName").asText()).isEqualTo("合肥查验测试科技有限公司");
        String shared = made.get("code").asText();
        Api.Response byAnyone = anyone.post("/api/v1/verify/share-code", Map.of("code", shared));
        Api.Response byNobody = anyone.post("/api/v1/verify/share-code", Map.of("code", "K7QP-M3XZ-9HTF"));
        assertThat(byAnyone.status()).isEqualTo(404);
        assertThat(byAnyone.body()).as("as an unknown code").isEqualTo(byNobody.body());
        assertThat(holder.post("/api/v1/verify/share-code", Map.of("code", shared)).status()).isEqualTo(404);
        JsonNode full = verifier.post("/api/v1/verify/share-code", Map.of("code", shared)).json();
        assertThat(full.get("idNumber").asText()).isEqualTo(person[1]);
        awaitCheck(holder, "/api/v1/me/checks?size=200", "SHARE_CODE", "合肥查验测试科技有限公司");
        assertThat(holder.get("/api/v1/me/share-codes").json().get(0).get("uses").asInt()).isEqualTo(1);

        // stopped: its session ends, its login says why, its codes no longer open
        Api.Response noReason = system.post("/api/v1/verifiers/" + id + "/reject", Map.of("reason", ""));
        assertThat(noReason.json().get("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(system.post("/api/v1/verifiers/" + id + "/reject", Map.of("reason", "单位已注销")).json()
                .get("status").asText()).isEqualTo("REJECTED");
        assertThat(verifier.get("/api/v1/me").status()).isEqualTo(401);
        Api.Response stopped = login("hr" + OFFSET, "Chayan2026hr");
        assertThat(stopped.status()).isEqualTo(403);
        assertThat(stopped.json().get("code").asText()).isEqualTo("VERIFIER_REJECTED");
        assertThat(stopped.json().get("message").asText()).contains("单位已注销");
        // its credit code may apply again
        assertThat(apply(anyone, "合肥查验测试科技有限公司", code, "hr3" + OFFSET, "Chayan2026hr").status())
                .isEqualTo(201);
    }

    /** Waits for the asynchronous 查验记录 to show a check of {@code channel} by {@code organization} (any if null). */
    private static void awaitCheck(Api api, String path, String channel, String organization) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode page;
        do {
            page = api.get(path).json();
            for (JsonNode c : page.get("items")) {
                if (c.get("channel").asText().equals(channel) && c.get("certificateNumber").asText()
                        .equals(cert.get("certificateNumber").asText()) && (organization == null
                        || organization.equals(c.path("organization").asText()))) {
                    return;
                }
            }
            Platform.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + channel + " check by " + organization + " in " + page);
    }

    @Test
    void anOrganisationAppliesInTheBrowserIsApprovedAndChecksWithItsAccount() throws Exception {
        browser = Browser.start();
        browser.get(platform.url("/"));
        browser.findElement(By.id("portal-verifier")).click();
        Browser.waitForUrl(browser, "/verifier/login");
        browser.findElement(By.id("verifier-register-link")).click();
        Browser.waitForUrl(browser, "/verifier/register");
        String code = creditCode(OFFSET + 10);
        browser.findElement(By.id("name")).sendKeys("芜湖浏览器测试人力资源有限公司");
        browser.findElement(By.id("creditCode")).sendKeys(code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        browser.findElement(By.id("contactName")).sendKeys("李华");
        browser.findElement(By.id("contactMobile")).sendKeys("13800001111");
        browser.findElement(By.id("login")).sendKeys("wuhu" + OFFSET);
        browser.findElement(By.id("password")).sendKeys("Wuhu2026hr");
        browser.findElement(By.id("password2")).sendKeys("Wuhu2026hr");
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        assertThat(Browser.waitForText(browser, By.id("creditCode-error"), "校验位")).contains("校验位");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("kept")
                .isEqualTo("芜湖浏览器测试人力资源有限公司");
        Browser.screenshot(browser, "verifier-register-error");
        browser.findElement(By.id("creditCode")).clear();
        browser.findElement(By.id("creditCode")).sendKeys(code);
        browser.findElement(By.id("password")).sendKeys("Wuhu2026hr");
        browser.findElement(By.id("password2")).sendKeys("Wuhu2026hr");
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "/verifier/login?notice=applied");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("等待平台审核");
        verifierLogin(browser, "wuhu" + OFFSET, "Wuhu2026hr");
        assertThat(Browser.waitForText(browser, By.cssSelector(".alert-error"), "审核")).contains("正在审核中");
        assertThat(Browser.consoleErrors(browser, "/verifier/register", "/verifier/login")).isEmpty();

        // the system admin approves it in 查验单位审核
        WebDriver admin = Browser.start();
        try {
            DemoAccounts.Account sys = platform.accounts().first("sysadmin");
            Browser.loginAdmin(admin, platform, sys.login(), sys.secret());
            Browser.waitForUrl(admin, "/admin/filings");
            admin.findElement(By.id("menu-verifiers")).click();
            Browser.waitForUrl(admin, "/admin/verifiers");
            By row = By.xpath("//table[@id='verifier-list']//tr[td[contains(., '" + code + "')]]");
            Browser.screenshot(admin, "verifiers-review");
            admin.findElement(row).findElement(By.cssSelector("button.approve")).click();
            Browser.waitForUrl(admin, "notice=verifier-approved");
            assertThat(admin.findElement(row).getAttribute("data-status")).isEqualTo("APPROVED");
            assertThat(Browser.consoleErrors(admin)).isEmpty();
        } finally {
            admin.quit();
        }

        // now it logs in, checks a certificate, and finds the check in its own list
        verifierLogin(browser, "wuhu" + OFFSET, "Wuhu2026hr");
        Browser.waitForUrl(browser, "/verifier");
        assertThat(browser.findElement(By.id("verifier-code")).getText()).isEqualTo(code);
        browser.findElement(By.id("verifier-lookup")).click();
        Browser.waitForUrl(browser, "/v");
        browser.findElement(By.id("certificateNumber")).sendKeys(cert.get("certificateNumber").asText());
        browser.findElement(By.id("name")).sendKeys(person[0]);
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("lookup-submit")).click();
        assertThat(Browser.waitForText(browser, By.id("verify-status"), "证书有效")).isEqualTo("证书有效");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        browser.get(platform.url("/verifier"));
        while (browser.findElements(By.cssSelector("#verifier-check-list tbody tr")).isEmpty()
                && System.nanoTime() < deadline) {
            Platform.sleep(300);
            browser.get(platform.url("/verifier"));
        }
        assertThat(browser.findElement(By.cssSelector("#verifier-check-list tbody tr")).getText())
                .contains(cert.get("certificateNumber").asText()).contains("编号查询");
        Browser.screenshot(browser, "verifier-home");
        // a verifier's browser sent to a personal or an admin page comes back to its own
        browser.get(platform.url("/me/titles"));
        Browser.waitForUrl(browser, "/verifier");
        browser.get(platform.url("/admin/filings"));
        Browser.waitForUrl(browser, "/verifier");
        assertThat(browser.getCurrentUrl()).endsWith("/verifier");
        assertThat(Browser.consoleErrors(browser, "/v/lookup")).isEmpty();
    }

    private static void verifierLogin(WebDriver driver, String account, String password) {
        driver.get(platform.url("/verifier/login"));
        driver.findElement(By.id("account")).sendKeys(account);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(driver));
        driver.findElement(By.id("submit")).click();
    }
}
