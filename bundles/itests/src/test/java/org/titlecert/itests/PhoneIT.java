package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages a person uses on a phone, on a 360 px-wide screen: the QR page, 证书查验, 我的职称 and the photo
 * upload. None scrolls sideways and every control is at least 44 px tall and wide (links inside sentences are
 * WCAG's exception).
 */
class PhoneIT {

    private static final int OFFSET = 99000;
    /** What the page measures: how far it scrolls sideways, and the controls smaller than 44 × 44 px. */
    private static final String MEASURE = """
            const small = [];
            for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
              if (el.matches('p a, li a, .hint a, dd a, label a, .visually-hidden, .sr-only')) continue;
              const target = el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')
                  ? el.closest('label').getBoundingClientRect() : box;
              if (target.height < 43.5 || target.width < 43.5) {
                small.push((el.id || el.tagName + ' ' + (el.textContent || el.name || '').trim().slice(0, 20))
                    + ' ' + Math.round(target.width) + 'x' + Math.round(target.height));
              }
            }
            return {sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                    width: window.innerWidth, small: small};""";

    private static Platform platform;
    private static String[] person;
    private static JsonNode cert;
    private WebDriver phone;

    @BeforeAll
    static void issued() {
        platform = Platform.shared();
        Api system = platform.system();
        long filing = TestFixtures.photographedFiling(system, system, "手机页面测试", 1, OFFSET, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        cert = TestFixtures.settledCertificates(system, filing, 1).get(0);
        person = TestFixtures.rows(1, OFFSET).get(0).split(",");
        TestFixtures.confirmedAccount(platform, person, "phone" + OFFSET + "@example.com", "Shouji2026ok");
    }

    @AfterEach
    void quit() {
        if (phone != null) {
            phone.quit();
        }
    }

    /** A phone: 360 px wide, as Chromium's device emulation makes one (the viewport meta tag applies). */
    private static WebDriver phone() {
        WebDriver d = Browser.start();
        ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360,
                "height", 780, "deviceScaleFactor", 2, "mobile", true));
        return d;
    }

    @SuppressWarnings("unchecked")
    private void fits(String name) throws Exception {
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) phone).executeScript(MEASURE);
        Browser.screenshot(phone, "phone-" + name);
        assertThat(((Number) m.get("width")).intValue()).as("the viewport").isEqualTo(360);
        assertThat(((Number) m.get("sideways")).intValue()).as(name + " scrolls sideways").isLessThanOrEqualTo(0);
        assertThat((List<String>) m.get("small")).as(name + ": controls under 44 px").isEmpty();
        assertThat(Browser.consoleErrors(phone)).as(name).isEmpty();
    }

    @Test
    void theVerificationPagesMyTitlesAndThePhotoUploadFitA360PxPhone() throws Exception {
        phone = phone();
        String url = cert.get("verificationUrl").asText();
        phone.get(platform.url("/v/" + url.substring(url.lastIndexOf('/') + 1)));
        assertThat(phone.findElement(By.id("verify-status")).getText()).isEqualTo("证书有效");
        fits("verify-qr");
        phone.get(platform.url("/"));
        fits("home");
        phone.get(platform.url("/v"));
        fits("verify-lookup");
        phone.findElement(By.id("certificateNumber")).sendKeys(cert.get("certificateNumber").asText());
        phone.findElement(By.id("name")).sendKeys(person[0]);
        phone.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(phone));
        phone.findElement(By.id("lookup-submit")).click();
        assertThat(Browser.waitForText(phone, By.id("verify-status"), "证书有效")).isEqualTo("证书有效");
        fits("verify-lookup-result");

        phone.get(platform.url("/login"));
        fits("login");
        Browser.loginIndividual(phone, platform, person[1], "Shouji2026ok");
        Browser.waitForUrl(phone, "/me");
        fits("me");
        phone.get(platform.url("/me/titles"));
        assertThat(phone.findElements(By.cssSelector("#titles tbody tr, .title-card"))).isNotEmpty();
        fits("my-titles");
        phone.get(platform.url("/me/photo"));
        fits("photo");
        phone.get(platform.url("/me/privacy"));
        fits("privacy");
    }
}
