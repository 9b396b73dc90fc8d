package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;

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
    void aHolderIsToldInTheMessageCentreAndByEmailAndADeadMailServerDelaysNothing() throws Exception {
        mail = new MailServer(platform); // configured, not yet up: a dead mail server

        // a filing whose people have no photo yet; one of them has an account with an e-mail address
        List<String> rows = TestFixtures.rows(2, OFFSET);
        long filing = TestFixtures.filledFiling(system, "消息测试", 2024, TestFixtures.HEADER + String.join("", rows));
        TestFixtures.approve(system, filing);
        String[] person = rows.get(0).split(",");
        String email = "holder" + OFFSET + "@example.com";
        Api holder = TestFixtures.confirmedAccount(platform, person, email, "Xiaoxi2026ok");

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

        // 导出未生成名单: who is missing, why, and how to reach them
        Api.Response sheet = unit.get("/api/v1/filings/" + filing + "/certificates/not-generated.xlsx");
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> table = xlsx(sheet.bytes());
        assertThat(table.get(0)).containsExactly("序号", "证书编号", "姓名", "身份证号码", "工作单位", "职称名称", "生成状态",
                "原因", "已注册账号", "手机号码", "电子邮箱");
        assertThat(table).hasSize(3);
        List<String> holderRow = table.stream().filter(r -> r.get(2).equals(person[0])).findFirst().orElseThrow();
        assertThat(holderRow.subList(6, 11)).containsExactly("未生成", "尚未上传个人电子证件照片", "是",
                "1380000" + person[1].substring(13, 17).replace("X", "0"), email);
        assertThat(holderRow.get(3)).as("masked").contains("*").doesNotContain(person[1].substring(6, 14));
        assertThat(table.subList(1, 3).stream().filter(r -> !r.get(2).equals(person[0])).findFirst().orElseThrow()
                .get(8)).as("no account").isEqualTo("否");
        assertThat(platform.api().login("admin", platform.accounts().of("unitadmin", "HFRS").login(),
                platform.accounts().of("unitadmin", "HFRS").secret())
                .get("/api/v1/filings/" + filing + "/certificates/not-generated.xlsx").status()).isEqualTo(404);

        MailServer.await("the reminder in 我的消息", () -> holder.get("/api/v1/me/notices/unread").json().get("count").asInt() == 1);
        JsonNode reminder = holder.get("/api/v1/me/notices").json().at("/items/0");
        assertThat(reminder.get("kind").asText()).isEqualTo("PHOTO_REQUESTED");
        assertThat(reminder.get("title").asText()).isEqualTo("请上传电子证件照片");
        assertThat(reminder.get("body").asText()).startsWith("安徽省财政厅提醒您：").contains("消息测试");
        assertThat(reminder.get("link").asText()).isEqualTo("/me/photo");
        MailServer.await("the e-mail's failure recorded", () -> mail.channel("email").path("lastError").asText().contains("Exception"));
        assertThat(mail.channel("email").get("pending").asLong()).as("waiting, not lost").isPositive();

        // the mail server comes up: the waiting e-mail arrives on its next attempt
        MimeMessage first = mail.start().await(1)[0];
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
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mail.await(4)) {
            subjects.add(m.getSubject());
        }
        assertThat(subjects).containsExactlyInAnyOrder("请上传电子证件照片", "您的电子职称证书已生成",
                "您的电子职称证书已撤销", "您的电子职称证书已恢复有效");
        MailServer.await("four notices", () -> holder.get("/api/v1/me/notices/unread").json().get("count").asInt() == 4);
        assertThat(holder.get("/api/v1/me/notices").json().get("items").findValuesAsText("kind"))
                .containsExactly("CERTIFICATE_REINSTATED", "CERTIFICATE_REVOKED", "CERTIFICATE_ISSUED", "PHOTO_REQUESTED");
        assertThat(holder.get("/api/v1/me/notices").json().at("/items/1/body").asText()).contains("原因：信息有误");
        JsonNode sms = mail.channel("sms");
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

    private static List<List<String>> xlsx(byte[] data) throws java.io.IOException {
        List<List<String>> out = new ArrayList<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(data)); java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rows =
                wb.getFirstSheet().openStream()) {
            rows.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                out.add(cells);
            });
        }
        return out;
    }
}
