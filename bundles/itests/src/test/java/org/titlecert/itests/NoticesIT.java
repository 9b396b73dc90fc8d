package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Notices to holders: a unit's photo reminder, then the certificate's generation, revocation and reinstatement,
 * each in the holder's 我的消息 (with the unread count in the header) and by e-mail through a real SMTP server
 * (GreenMail). The mail server is down at first: the reminder answers at once, the message centre has it, and the
 * e-mail waits in the queue with its error until the server is up, then arrives.
 */
class NoticesIT {

    private static final int OFFSET = 95000;

    private final Platform platform = Platform.shared();
    private final Api system = platform.system();
    private GreenMail mail;
    private WebDriver browser;

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        Files.deleteIfExists(platform.home().resolve("etc/org.titlecert.notice.smtp.cfg"));
        Files.deleteIfExists(platform.home().resolve("etc/org.titlecert.notice.cfg"));
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aHolderIsToldInTheMessageCentreAndByEmailAndADeadMailServerDelaysNothing() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        platform.config("org.titlecert.notice", "retryBaseSeconds = 1", "maxAttempts = 60", "pollSeconds = 1");
        platform.config("org.titlecert.notice.smtp", "host = 127.0.0.1", "port = " + port,
                "from = 安徽省职称证书平台 <noreply@example.gov.cn>", "timeoutSeconds = 2");
        await("the e-mail channel", () -> channel("email").path("active").asBoolean());

        // a filing whose people have no photo yet; one of them has an account with an e-mail address
        List<String> rows = TestFixtures.rows(2, OFFSET);
        long filing = TestFixtures.filledFiling(system, "消息测试", 2024, TestFixtures.HEADER + String.join("", rows));
        TestFixtures.approve(system, filing);
        String[] person = rows.get(0).split(",");
        String email = "holder" + OFFSET + "@example.com";
        Api holder = holder(person, email);

        // 提醒上传照片 in 证书导出, by the unit admin, with the mail server down
        browser = Browser.start();
        DemoAccounts.Account unitAdmin = platform.accounts().of("unitadmin", "AHCZ");
        Browser.loginAdmin(browser, platform, unitAdmin.login(), unitAdmin.secret());
        Browser.waitForUrl(browser, "/admin");
        browser.get(platform.url("/admin/filings/" + filing + "/certificates"));
        assertThat(browser.findElement(By.id("remind-photos")).getText()).isEqualTo("提醒上传照片（2 人未生成）");
        browser.findElement(By.id("remind-photos")).click();
        browser.switchTo().alert().accept();
        Browser.waitForUrl(browser, "notice=photo-reminded");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).startsWith("已向 2 位未上传照片的人员发送提醒");
        Browser.screenshot(browser, "photo-reminder");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        browser.quit();
        browser = null;
        Api unit = platform.api().login("admin", unitAdmin.login(), unitAdmin.secret());
        assertThat(unit.post("/api/v1/filings/" + filing + "/certificates/photo-reminders", "").json()
                .get("reminded").asInt()).as("reminded once a day").isZero();

        await("the reminder in 我的消息", () -> holder.get("/api/v1/me/notices/unread").json().get("count").asInt() == 1);
        JsonNode reminder = holder.get("/api/v1/me/notices").json().at("/items/0");
        assertThat(reminder.get("kind").asText()).isEqualTo("PHOTO_REQUESTED");
        assertThat(reminder.get("title").asText()).isEqualTo("请上传电子证件照片");
        assertThat(reminder.get("body").asText()).startsWith("安徽省财政厅提醒您：").contains("消息测试");
        assertThat(reminder.get("link").asText()).isEqualTo("/me/photo");
        await("the e-mail's failure recorded", () -> channel("email").path("lastError").asText().contains("Exception"));
        assertThat(channel("email").get("pending").asLong()).as("waiting, not lost").isPositive();

        // the mail server comes up: the waiting e-mail arrives on its next attempt
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        mail.start();
        assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage first = mail.getReceivedMessages()[0];
        assertThat(first.getSubject()).isEqualTo("请上传电子证件照片");
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(first.getContent().toString()).contains("安徽省财政厅提醒您", platform.url("/me/photo"));

        // the photo makes the certificate; revoked, then reinstated: each is told, in the centre and by e-mail
        assertThat(holder.putBytes("/api/v1/me/photo", "image/jpeg", CertificateApiIT.photo(java.awt.Color.GRAY))
                .status()).isEqualTo(200);
        long cert = TestFixtures.settledCertificates(system, filing, 2).stream()
                .filter(c -> c.get("personName").asText().equals(person[0])).findFirst().orElseThrow()
                .get("id").asLong();
        assertThat(system.post("/api/v1/certificates/" + cert + "/revoke", Map.of("reason", "INFO_ERROR")).status())
                .isEqualTo(200);
        assertThat(system.post("/api/v1/certificates/" + cert + "/reinstate", Map.of("note", "信息已核实")).status())
                .isEqualTo(200);
        assertThat(mail.waitForIncomingEmail(30_000, 4)).isTrue();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            subjects.add(m.getSubject());
        }
        assertThat(subjects).containsExactlyInAnyOrder("请上传电子证件照片", "您的电子职称证书已生成",
                "您的电子职称证书已撤销", "您的电子职称证书已恢复有效");
        await("four notices", () -> holder.get("/api/v1/me/notices/unread").json().get("count").asInt() == 4);
        assertThat(holder.get("/api/v1/me/notices").json().get("items").findValuesAsText("kind"))
                .containsExactly("CERTIFICATE_REINSTATED", "CERTIFICATE_REVOKED", "CERTIFICATE_ISSUED", "PHOTO_REQUESTED");
        assertThat(holder.get("/api/v1/me/notices").json().at("/items/1/body").asText()).contains("原因：信息有误");
        JsonNode sms = channel("sms");
        assertThat(sms.get("sent").asLong()).as("the SMS stand-in logged them").isPositive();

        // someone else's message is not found; the holder reads theirs in the web UI
        long someId = holder.get("/api/v1/me/notices").json().at("/items/0/id").asLong();
        DemoAccounts.Account other = platform.accounts().all("individual").get(3);
        Api stranger = platform.api().login("individual", other.login(), other.secret());
        assertThat(stranger.post("/api/v1/me/notices/" + someId + "/read", "").status()).isEqualTo(404);
        assertThat(system.get("/api/v1/me/notices").status()).as("individuals only").isEqualTo(403);

        browser = Browser.start();
        browser.get(platform.url("/login"));
        browser.findElement(By.id("login")).sendKeys(person[1]);
        browser.findElement(By.id("password")).sendKeys("Xiaoxi2026ok");
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "/me");
        assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("4");
        browser.findElement(By.id("messages-link")).click();
        Browser.waitForUrl(browser, "/me/messages");
        assertThat(browser.findElements(By.cssSelector("#notices li.unread"))).hasSize(4);
        assertThat(browser.findElement(By.id("notices")).getText()).contains("您的电子职称证书已恢复有效",
                "请上传电子证件照片");
        Browser.screenshot(browser, "my-messages");
        browser.findElements(By.cssSelector("#notices li .open-notice")).get(0).click();
        Browser.waitForUrl(browser, "/me/titles");
        assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("3");
        browser.get(platform.url("/me/messages"));
        browser.findElement(By.id("read-all")).click();
        Browser.waitForUrl(browser, "notice=messages-read");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已将 3 条消息标为已读");
        assertThat(browser.findElements(By.id("unread-count"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#notices li.unread"))).isEmpty();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        assertThat(system.get("/api/v1/audit?size=5&action=PHOTO_REMINDER").body()).contains("filing:" + filing);
    }

    /** A local account for the roster's person, with an e-mail address, confirmed by the unit. */
    private Api holder(String[] row, String email) {
        String id = row[1];
        String mobile = "1380000" + id.substring(13, 17).replace("X", "0");
        Api fresh = TestFixtures.signUp(platform.api(), id, mobile, "Xiaoxi2026ok");
        long unitId = system.get("/api/v1/units").json().findParents("code").stream()
                .filter(u -> u.get("code").asText().equals("AHCZ")).findFirst().orElseThrow().get("id").asLong();
        Map<String, Object> form = new LinkedHashMap<>(Map.of("realName", row[0], "idNumber", id, "mobile", mobile,
                "gender", row[2], "birthDate", row[3], "politicalStatus", "群众", "ethnicity", "汉族", "email", email,
                "address", "合肥", "workStartDate", "2008-07-01"));
        form.put("education", "大学本科");
        form.put("employerUnitId", unitId);
        assertThat(fresh.put("/api/v1/me/profile", form).status()).isEqualTo(200);
        long account = 0;
        for (JsonNode p : system.get("/api/v1/individuals/pending?size=200").json().get("items")) {
            if (p.get("idNumber").asText().equals(id)) {
                account = p.get("accountId").asLong();
            }
        }
        assertThat(system.post("/api/v1/individuals/" + account + "/confirm", "").status()).isEqualTo(204);
        return platform.api().login("individual", id, "Xiaoxi2026ok");
    }

    private JsonNode channel(String name) {
        Api.Response r = system.get("/api/v1/metrics/notices");
        for (JsonNode c : r.status() == 200 ? r.json() : Api.JSON.createArrayNode()) {
            if (c.get("channel").asText().equals(name)) {
                return c;
            }
        }
        return Api.JSON.createObjectNode();
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Platform.sleep(200);
        }
    }
}
