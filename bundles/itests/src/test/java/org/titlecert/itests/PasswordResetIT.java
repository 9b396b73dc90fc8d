package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

/**
 * 忘记密码: the link arrives by e-mail (a real SMTP server), opens the reset page, sets the new password once and
 * ends the other sessions; a used or unknown link is refused; the answer never tells whether an account exists;
 * and a unit admin gives a person without e-mail a one-time password that must be changed at the next login.
 */
class PasswordResetIT {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/password/reset\\?token=([A-Za-z0-9_-]+))");

    private final Platform platform = Platform.shared();
    private final Api system = platform.system();
    private MailServer mail;
    private WebDriver browser;

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void aForgottenPasswordIsResetByTheEmailedLinkOnceAndTheOldSessionsEnd() throws Exception {
        mail = new MailServer(platform).start();
        List<String> rows = TestFixtures.rows(2, 96000);
        long filing = TestFixtures.filledFiling(system, "忘记密码测试", 2024, TestFixtures.HEADER + String.join("", rows));
        TestFixtures.approve(system, filing);
        String[] person = rows.get(0).split(",");
        Api old = TestFixtures.confirmedAccount(platform, person, "forgot96000@example.com", "Jiumima2026");

        // the same answer for an unknown login as for a real one, and no e-mail for the unknown
        Api anon = platform.api();
        String[] c1 = anon.captcha();
        Api.Response unknown = anon.post("/api/v1/auth/password-reset-requests",
                Map.of("login", "34010119900101999X", "captchaId", c1[0], "captchaAnswer", c1[1]));
        String[] c2 = anon.captcha();
        Api.Response wrongCaptcha = anon.post("/api/v1/auth/password-reset-requests",
                Map.of("login", person[1], "captchaId", c2[0], "captchaAnswer", "XXXX"));
        assertThat(wrongCaptcha.json().get("code").asText()).isEqualTo("CAPTCHA_INVALID");

        // 忘记密码 in the browser
        browser = Browser.start();
        browser.get(platform.url("/login"));
        browser.findElement(By.id("forgot")).click();
        Browser.waitForUrl(browser, "/password/forgot");
        browser.findElement(By.id("login")).sendKeys(person[1]);
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        String sent = browser.findElement(By.id("reset-sent")).getText();
        assertThat(sent).startsWith("如果该账号存在并登记了电子邮箱，重置密码的链接已发送到该邮箱");
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.json().get("message").asText()).isEqualTo(sent);
        Browser.screenshot(browser, "password-forgot");

        // the reset e-mails only: a notice that waited for a mail server (the platform is shared) is not this test's
        List<String> all = new ArrayList<>();
        List<MimeMessage> resets = new ArrayList<>();
        for (MimeMessage message : mail.await(1)) {
            all.add(message.getSubject() + " -> " + message.getAllRecipients()[0]);
            if ("重置登录密码".equals(message.getSubject())) {
                resets.add(message);
            }
        }
        assertThat(resets).as("one, and nothing for the unknown login: " + all).hasSize(1);
        MimeMessage reset = resets.get(0);
        assertThat(reset.getAllRecipients()[0].toString()).isEqualTo("forgot96000@example.com");
        Matcher m = LINK.matcher(reset.getContent().toString());
        assertThat(m.find()).as(reset.getContent().toString()).isTrue();
        String token = m.group(2);
        String qr = system.get("/api/v1/filings/" + filing + "/certificates?size=1").json()
                .at("/items/0/verificationUrl").asText();
        assertThat(m.group(1)).as("the configured public address (as QR codes carry it), never a request's Host")
                .isEqualTo(qr.substring(0, qr.indexOf("/v/")) + "/password/reset?token=" + token);

        browser.get(platform.url("/password/reset?token=" + token));
        browser.findElement(By.id("new-password")).sendKeys("Xinmima2026");
        browser.findElement(By.id("confirm")).sendKeys("Xinmima2027");
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.id("reset-error")).getText()).isEqualTo("两次输入的新密码不一致");
        browser.findElement(By.id("new-password")).sendKeys("Xinmima2026");
        browser.findElement(By.id("confirm")).sendKeys("Xinmima2026");
        Browser.screenshot(browser, "password-reset");
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "notice=password-reset");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("新密码已设置，请使用新密码登录");
        assertThat(Browser.consoleErrors(browser, "password/reset")).isEmpty();

        assertThat(old.get("/api/v1/me").status()).as("the session from before ends").isEqualTo(401);
        assertThat(platform.api().login("individual", person[1], "Xinmima2026").get("/api/v1/me").status())
                .isEqualTo(200);
        Api.Response again = platform.api().post("/api/v1/auth/password-resets",
                Map.of("token", token, "newPassword", "Zaiciyici2026"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asText()).as("single-use").isEqualTo("RESET_LINK_INVALID");
        assertThat(platform.api().post("/api/v1/auth/password-resets", Map.of("token", "nonsense", "newPassword",
                "Zaiciyici2026")).json().get("code").asText()).isEqualTo("RESET_LINK_INVALID");
        String audit = system.get("/api/v1/audit?size=10&action=PASSWORD_RESET").body();
        assertThat(audit).contains("通过邮件链接重置").doesNotContain(token);
    }

    @Test
    void aUnitAdminGivesAPersonAOneTimePasswordThatMustBeChanged() {
        List<String> rows = TestFixtures.rows(1, 96100);
        long filing = TestFixtures.filledFiling(system, "单位重置密码测试", 2024, TestFixtures.HEADER + rows.get(0));
        TestFixtures.approve(system, filing);
        String[] person = rows.get(0).split(",");
        Api old = TestFixtures.confirmedAccount(platform, person, "unitreset96100@example.com", "Yuanmima2026");
        long personId = old.get("/api/v1/me").json().get("personId").asLong();
        DemoAccounts.Account ahcz = platform.accounts().of("unitadmin", "AHCZ");
        Api unit = platform.api().login("admin", ahcz.login(), ahcz.secret());
        DemoAccounts.Account hfrs = platform.accounts().of("unitadmin", "HFRS");
        Api other = platform.api().login("admin", hfrs.login(), hfrs.secret());

        assertThat(other.post("/api/v1/persons/" + personId + "/password-reset", "").status())
                .as("another unit's person").isEqualTo(404);
        JsonNode secret = unit.post("/api/v1/persons/" + personId + "/password-reset", "").json();
        assertThat(secret.get("name").asText()).isEqualTo(person[1]);
        assertThat(old.get("/api/v1/me").status()).isEqualTo(401);
        Api fresh = platform.api().login("individual", person[1], secret.get("secret").asText());
        assertThat(fresh.get("/api/v1/me").json().get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(fresh.get("/api/v1/me/titles").json().get("code").asText()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(system.get("/api/v1/audit?size=5&action=INDIVIDUAL_PASSWORD_RESET").body())
                .contains("person:" + personId);
    }
}
