package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * axe-core on every public page and every page an individual uses, signed out and signed in: no serious or
 * critical WCAG 2.1 A/AA violation on any of them.
 */
class AccessibilityIT {

    private static final int OFFSET = 87000;
    private static Platform platform;
    private static String[] person;
    private static JsonNode cert;
    private static String reportToken;
    private WebDriver browser;

    @BeforeAll
    static void issued() {
        platform = Platform.shared();
        Api system = platform.system();
        long filing = TestFixtures.photographedFiling(system, system, "无障碍测试", 1, OFFSET, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        cert = TestFixtures.settledCertificates(system, filing, 1).get(0);
        person = TestFixtures.rows(1, OFFSET).get(0).split(",");
        TestFixtures.confirmedAccount(platform, person, "a11y" + OFFSET + "@example.com", "Wuzhangai2026");
        DemoAccounts.Account v = platform.accounts().first("verifier");
        reportToken = platform.api().login("verifier", v.login(), v.secret()).post("/api/v1/verifications",
                Map.of("rows", List.of(Map.of("certificateNumber", cert.get("certificateNumber").asText(),
                        "name", person[0])))).json().get("token").asText();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private List<String> check(String path, List<String> problems) {
        browser.get(platform.url(path));
        Browser.accessibilityProblems(browser).forEach(p -> problems.add(path + " " + p));
        return problems;
    }

    @Test
    void thePublicPagesAndTheIndividualsPagesHaveNoSeriousOrCriticalViolations() {
        browser = Browser.start();
        String url = cert.get("verificationUrl").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/", "/login", "/register", "/admin/login", "/verifier/login",
                "/verifier/register", "/password/forgot", "/privacy", "/v", "/v/" + token, "/r/" + reportToken)) {
            check(path, problems);
        }
        // the integrators' API reference, once Swagger UI has drawn it
        browser.get(platform.url("/api/docs"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(
                d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        Browser.accessibilityProblems(browser).forEach(p -> problems.add("/api/docs " + p));
        // an error answer, as the forms show them
        browser.get(platform.url("/v"));
        browser.findElement(By.id("certificateNumber")).sendKeys("X");
        browser.findElement(By.id("name")).sendKeys("某");
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("lookup-submit")).click();
        Browser.waitForText(browser, By.id("lookup-error"), "未找到");
        Browser.accessibilityProblems(browser).forEach(p -> problems.add("/v/lookup (not found) " + p));

        Browser.loginIndividual(browser, platform, person[1], "Wuzhangai2026");
        Browser.waitForUrl(browser, "/me");
        for (String path : List.of("/me", "/me/titles", "/me/photo", "/me/messages", "/me/privacy", "/me/password",
                "/register/profile")) {
            check(path, problems);
        }
        assertThat(problems).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    /** 改用算术题: a sum that is asked in words too, read out by screen readers; as strong as the letters. */
    @Test
    void theCaptchaHasATextAlternativeThatIsUsedUpLikeTheLetters() {
        Api api = platform.api();
        JsonNode sum = api.get("/api/v1/captcha?variant=ARITHMETIC").json();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("请计算：(\\d+) 加 (\\d+) 等于多少？（请填写数字）")
                .matcher(sum.get("question").asText());
        assertThat(m.matches()).as(sum.get("question").asText()).isTrue();
        assertThat(sum.get("testAnswer").asText()).isEqualTo(String.valueOf(Integer.parseInt(m.group(1))
                + Integer.parseInt(m.group(2))));
        assertThat(api.get("/api/v1/captcha").json().has("question")).as("the letters have no words").isFalse();
        assertThat(api.get("/api/v1/captcha?variant=SPOKEN").json().get("code").asText()).isEqualTo("INVALID_PARAMETER");

        browser = Browser.start();
        browser.get(platform.url("/v"));
        browser.findElement(By.id("captcha-arithmetic")).click();
        String question = Browser.waitForText(browser, By.id("captcha-question"), "等于多少");
        assertThat(browser.findElement(By.id("captcha-img")).getAttribute("alt")).isEqualTo(question);
        assertThat(Browser.captchaAnswer(browser)).matches("\\d{2}");
        browser.findElement(By.id("certificateNumber")).sendKeys(cert.get("certificateNumber").asText());
        browser.findElement(By.id("name")).sendKeys(person[0] + "某");
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("lookup-submit")).click();
        // the form comes back with its error, and a new sum: the person keeps the kind they chose
        Browser.waitForText(browser, By.id("lookup-error"), "未找到");
        assertThat(browser.findElement(By.id("captcha-question")).getText()).contains("等于多少");
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys(person[0]);
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("lookup-submit")).click();
        assertThat(Browser.waitForText(browser, By.id("verify-status"), "证书有效")).isEqualTo("证书有效");
        assertThat(Browser.consoleErrors(browser, "/v/lookup")).isEmpty();
    }
}
