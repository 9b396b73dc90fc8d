package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Verification for employers and the holder's privacy centre: 证书查验 by number and name, share codes (授权码)
 * that open the full record, and the holder's 查验记录 of every check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationIT {

    private static final int OFFSET = 97000;
    private static Platform platform;
    private static Api system;
    private static Api holder;
    private static String[] person;
    private static JsonNode cert;
    private static JsonNode revoked;
    private WebDriver browser;

    @BeforeAll
    static void issued() {
        platform = Platform.shared();
        system = platform.system();
        long filing = TestFixtures.photographedFiling(system, system, "查验测试", 2, OFFSET, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        List<JsonNode> issued = TestFixtures.settledCertificates(system, filing, 2);
        List<String> rows = TestFixtures.rows(2, OFFSET);
        person = rows.get(0).split(",");
        cert = issued.stream().filter(c -> c.get("personName").asText().equals(person[0])).findFirst().orElseThrow();
        revoked = issued.stream().filter(c -> c != cert).findFirst().orElseThrow();
        assertThat(system.post("/api/v1/certificates/" + revoked.get("id").asLong() + "/revoke",
                Map.of("reason", "FRAUD", "note", "查验测试")).status()).isEqualTo(200);
        holder = TestFixtures.confirmedAccount(platform, person, "checked" + OFFSET + "@example.com", "Chayan2026ok");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    private static Api.Response lookup(Api api, String number, String name) {
        String[] captcha = api.captcha();
        Map<String, String> body = new java.util.HashMap<>(Map.of("captchaId", captcha[0], "captchaAnswer", captcha[1]));
        if (number != null) {
            body.put("certificateNumber", number);
        }
        if (name != null) {
            body.put("name", name);
        }
        return api.post("/api/v1/verify/lookup", body);
    }

    private static String token(JsonNode c) {
        String url = c.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    @Order(1)
    void aLookupByNumberAndNameShowsWhatTheQrCodeShowsAndAWrongNameAnswersAsAnUnknownNumber() {
        Api anyone = platform.api();
        String number = cert.get("certificateNumber").asText();
        JsonNode byQr = anyone.get("/api/v1/verify/" + token(cert)).json();

        Api.Response found = lookup(anyone, number, person[0]);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(byQr);
        assertThat(found.json().get("maskedIdNumber").asText()).contains("*").isNotEqualTo(person[1]);
        assertThat(found.body()).doesNotContain(person[1]);
        // as people type it: spaces, a full-width number
        String fullWidth = number.chars().mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0))).reduce("", String::concat);
        assertThat(lookup(anyone, " " + fullWidth + " ", person[0].charAt(0) + "\u3000" + person[0].substring(1))
                .json()).isEqualTo(byQr);

        Api.Response wrongName = lookup(anyone, number, person[0] + "某");
        Api.Response unknown = lookup(anyone, number.substring(0, number.length() - 3) + "999", person[0]);
        assertThat(wrongName.status()).isEqualTo(404);
        assertThat(wrongName.body()).as("identical answers").isEqualTo(unknown.body());
        assertThat(wrongName.json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(wrongName.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());

        // a revoked certificate is found, and says so
        JsonNode r = lookup(anyone, revoked.get("certificateNumber").asText(), revoked.get("personName").asText()).json();
        assertThat(r.get("status").asText()).isEqualTo("REVOKED");
        assertThat(r.get("revokedReason").asText()).isEqualTo("弄虚作假取得");
        assertThat(r.toString()).doesNotContain("查验测试");

        // what is missing or wrong is said, and a captcha is needed every time
        Api.Response incomplete = lookup(anyone, number, null);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("code").asText()).isEqualTo("LOOKUP_INCOMPLETE");
        assertThat(incomplete.json().at("/errors/0/column").asText()).isEqualTo("name");
        Api.Response badCaptcha = anyone.post("/api/v1/verify/lookup", Map.of("certificateNumber", number,
                "name", person[0], "captchaId", anyone.captcha()[0], "captchaAnswer", "WRONG"));
        assertThat(badCaptcha.status()).isEqualTo(400);
        assertThat(badCaptcha.json().get("code").asText()).isEqualTo("CAPTCHA_INVALID");
    }

    @Test
    @Order(2)
    void aShareCodeOpensTheFullRecordUntilItIsWithdrawnOrExpires() throws Exception {
        Api anyone = platform.api();
        // refused codes say why and make nothing
        assertThat(holder.post("/api/v1/me/share-codes", Map.of("days", 31)).json().get("code").asText())
                .isEqualTo("SHARE_DAYS_INVALID");
        assertThat(holder.post("/api/v1/me/share-codes", Map.of("days", 0)).status()).isEqualTo(400);
        assertThat(holder.get("/api/v1/me/share-codes").json()).isEmpty();
        assertThat(system.post("/api/v1/me/share-codes", Map.of("days", 7)).status()).as("no admin").isEqualTo(403);

        Api.Response made = holder.post("/api/v1/me/share-codes", Map.of("days", 7));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String code = made.json().get("code").asText();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        long id = made.json().at("/shareCode/id").asLong();
        assertThat(made.json().at("/shareCode/status").asText()).isEqualTo("ACTIVE");

        // without the code: masked; with it: the ID number and birth date in full
        assertThat(anyone.get("/api/v1/verify/" + token(cert)).body()).doesNotContain(person[1]);
        JsonNode record = anyone.post("/api/v1/verify/share-code", Map.of("code", code.toLowerCase().replace("-", " ")))
                .json();
        assertThat(record.get("idNumber").asText()).isEqualTo(person[1]);
        assertThat(record.get("birthDate").asText()).isEqualTo(person[3]);
        assertThat(record.get("name").asText()).isEqualTo(person[0]);
        assertThat(record.get("certificates")).hasSize(1);
        assertThat(record.at("/certificates/0/certificateNumber").asText()).isEqualTo(cert.get("certificateNumber").asText());
        assertThat(record.at("/certificates/0/status").asText()).isEqualTo("VALID");
        JsonNode listed = holder.get("/api/v1/me/share-codes").json().get(0);
        assertThat(listed.get("uses").asInt()).isEqualTo(1);
        assertThat(listed.get("hint").asText()).isEqualTo(code.substring(10));
        assertThat(listed.has("code")).as("the code is shown once").isFalse();

        // an unknown code and a withdrawn one answer alike; what cannot be a code says so
        Api.Response unknown = anyone.post("/api/v1/verify/share-code", Map.of("code", "2345-6789-ABCD"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(anyone.post("/api/v1/verify/share-code", Map.of("code", "0000")).json().get("code").asText())
                .isEqualTo("SHARE_CODE_MALFORMED");
        DemoAccounts.Account someone = platform.accounts().all("individual").get(2);
        assertThat(platform.api().login("individual", someone.login(), someone.secret())
                .post("/api/v1/me/share-codes/" + id + "/withdraw", "").status()).as("another holder's code")
                .isEqualTo(404);
        assertThat(holder.post("/api/v1/me/share-codes/" + id + "/withdraw", "").json().get("status").asText())
                .isEqualTo("WITHDRAWN");
        Api.Response withdrawn = anyone.post("/api/v1/verify/share-code", Map.of("code", code));
        assertThat(withdrawn.status()).isEqualTo(404);
        assertThat(withdrawn.body()).isEqualTo(unknown.body());

        // a code expires: a day's code, and the platform's clock two days on
        String day = holder.post("/api/v1/me/share-codes", Map.of("days", 1)).json().get("code").asText();
        assertThat(anyone.post("/api/v1/verify/share-code", Map.of("code", day)).status()).isEqualTo(200);
        Path clock = laterClock();
        try {
            awaitStatus(anyone, day, 404);
            assertThat(holder.get("/api/v1/me/share-codes").json().get(0).get("status").asText()).isEqualTo("EXPIRED");
        } finally {
            Files.delete(clock);
        }
        awaitStatus(anyone, day, 200);

        JsonNode audit = system.get("/api/v1/audit?action=SHARE_CODE_USE&size=200").json();
        assertThat(audit.findValuesAsText("target")).as("each use is audited").contains("share-code:" + id);

        // at most ten active codes a holder; withdrawing one makes room
        List<Long> extra = new ArrayList<>();
        long active = 0;
        for (JsonNode c : holder.get("/api/v1/me/share-codes").json()) {
            active += c.get("status").asText().equals("ACTIVE") ? 1 : 0;
        }
        for (; active < 10; active++) {
            extra.add(holder.post("/api/v1/me/share-codes", Map.of("days", 1)).json().at("/shareCode/id").asLong());
        }
        Api.Response over = holder.post("/api/v1/me/share-codes", Map.of("days", 1));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("code").asText()).isEqualTo("SHARE_CODE_LIMIT");
        assertThat(over.json().get("message").asText()).contains("请先撤回");
        holder.post("/api/v1/me/share-codes/" + extra.get(0) + "/withdraw", "");
        Api.Response room = holder.post("/api/v1/me/share-codes", Map.of("days", 1));
        assertThat(room.status()).isEqualTo(201);
        extra.add(room.json().at("/shareCode/id").asLong());
        extra.forEach(e -> holder.post("/api/v1/me/share-codes/" + e + "/withdraw", ""));

        // a holder without an issued certificate has nothing to share (a demo person without a photo)
        List<DemoAccounts.Account> people = platform.accounts().all("individual");
        boolean refused = false;
        for (int i = people.size() - 1; i >= 0 && !refused; i--) {
            Api someoneElse = platform.api().login("individual", people.get(i).login(), people.get(i).secret());
            boolean none = true;
            for (JsonNode c : someoneElse.get("/api/v1/me/certificates").json()) {
                none &= c.path("version").asInt() == 0;
            }
            if (none) {
                Api.Response nothing = someoneElse.post("/api/v1/me/share-codes", Map.of("days", 7));
                assertThat(nothing.status()).isEqualTo(409);
                assertThat(nothing.json().get("code").asText()).isEqualTo("NO_CERTIFICATES");
                assertThat(someoneElse.get("/api/v1/me/share-codes").json()).isEmpty();
                refused = true;
            }
        }
        assertThat(refused).as("a demo person without an issued certificate").isTrue();
    }

    /** The platform's clock two days from now (the test clock bundle, configured); returns its configuration. */
    private static Path laterClock() throws Exception {
        String url = VerificationIT.class.getClassLoader().getResource("org/titlecert/testclock/StartedClock.class")
                .toString();
        Path bundle = Path.of(new URI(url.substring(4, url.indexOf("!/"))));
        if (!Files.exists(platform.home().resolve("deploy").resolve(bundle.getFileName()))) {
            platform.deploy(bundle);
        }
        platform.config("org.titlecert.testclock", "start = " + java.time.OffsetDateTime.now().plusDays(2));
        return platform.home().resolve("etc/org.titlecert.testclock.cfg");
    }

    private static void awaitStatus(Api api, String code, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int seen;
        do {
            seen = api.post("/api/v1/verify/share-code", Map.of("code", code)).status();
            if (seen == status) {
                return;
            }
            Platform.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("share code answered " + seen + ", not " + status);
    }

    @Test
    @Order(3)
    void theHoldersCheckRecordListsEveryCheckAndItsChannel() {
        Api anyone = platform.api();
        String token = token(cert);
        anyone.get("/api/v1/verify/" + token);
        byte[] pdf = system.get("/api/v1/certificates/" + cert.get("id").asLong() + "/pdf").bytes();
        assertThat(anyone.postBytes("/api/v1/verify/" + token + "/check", "application/pdf", pdf).json()
                .get("outcome").asText()).isEqualTo("CURRENT");
        // written off the request's path: it shows a moment later
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<String> channels = new TreeSet<>();
        JsonNode page;
        do {
            page = holder.get("/api/v1/me/checks?size=200").json();
            channels.clear();
            page.get("items").forEach(c -> channels.add(c.get("channel").asText()));
        } while (!channels.containsAll(Set.of("QR", "LOOKUP", "FILE", "SHARE_CODE")) && System.nanoTime() < deadline
                && sleep());
        assertThat(channels).containsExactlyInAnyOrder("QR", "LOOKUP", "FILE", "SHARE_CODE");
        page.get("items").forEach(c -> assertThat(c.get("certificateNumber").asText())
                .isEqualTo(cert.get("certificateNumber").asText()));
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(6);
        // newest first, and a page goes on where the one before it stopped
        List<Instant> times = page.get("items").findValuesAsText("at").stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        List<JsonNode> paged = new ArrayList<>();
        JsonNode whole;
        for (int attempt = 0; ; attempt++) { // a check written between the reads shifts the pages: read again
            paged.clear();
            holder.get("/api/v1/me/checks?page=1&size=2").json().get("items").forEach(paged::add);
            holder.get("/api/v1/me/checks?page=2&size=2").json().get("items").forEach(paged::add);
            whole = holder.get("/api/v1/me/checks?size=200").json();
            if (whole.get("total").equals(page.get("total")) || attempt == 3) {
                break;
            }
            page = whole;
        }
        assertThat(paged).hasSize(4).containsExactly(whole.get("items").get(0), whole.get("items").get(1),
                whole.get("items").get(2), whole.get("items").get(3));
        // someone else's checks are not theirs
        List<DemoAccounts.Account> others = platform.accounts().all("individual");
        Api other = platform.api().login("individual", others.get(2).login(), others.get(2).secret());
        other.get("/api/v1/me/checks?size=200").json().get("items").forEach(c -> assertThat(
                c.get("certificateNumber").asText()).isNotEqualTo(cert.get("certificateNumber").asText()));
    }

    @Test
    @Order(4)
    void aHolderExportsEverythingHeldAboutThemAsJsonAndAsAReadablePdf() throws Exception {
        Api.Response json = holder.get("/api/v1/me/data");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Disposition")).startsWith("attachment");
        JsonNode data = json.json();
        assertThat(data.at("/profile/idNumber").asText()).isEqualTo(person[1]);
        assertThat(data.at("/profile/email").asText()).isEqualTo("checked" + OFFSET + "@example.com");
        assertThat(data.get("titles").findValuesAsText("titleName")).isNotEmpty();
        assertThat(data.get("certificates").findValuesAsText("certificateNumber"))
                .containsExactly(cert.get("certificateNumber").asText());
        assertThat(data.at("/photo/sha256").asText()).hasSize(64);
        assertThat(data.get("shareCodes")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(data.get("notices").findValuesAsText("title")).contains("您的电子职称证书已生成");
        data.get("shareCodes").forEach(c -> assertThat(c.has("code")).as("codes are never shown again").isFalse());

        Api.Response pdf = holder.get("/api/v1/me/data/pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("个人信息导出", "真实姓名" + person[0], "身份证号码" + person[1],
                    cert.get("certificateNumber").asText(), "查验记录", "授权码", "我的消息", "您的电子职称证书已生成");
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the ID photo").isNotEmpty();
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 80);
            Path out = Path.of(System.getProperty("titlecert.screenshots", "target/screenshots"));
            Files.createDirectories(out);
            javax.imageio.ImageIO.write(page, "png", out.resolve("personal-data-pdf.png").toFile());
        }
        assertThat(system.get("/api/v1/me/data").status()).as("individuals only").isEqualTo(403);
        assertThat(system.get("/api/v1/audit?action=PERSONAL_DATA_EXPORT&size=50").json().findValuesAsText("detail"))
                .contains("JSON", "PDF");
    }

    private static boolean sleep() {
        Platform.sleep(200);
        return true;
    }

    @Test
    @Order(5)
    void anEmployerLooksUpAndUsesAShareCodeInTheBrowserAndTheHolderManagesTheirCodes() throws Exception {
        browser = Browser.start();
        browser.get(platform.url("/"));
        browser.findElement(By.id("portal-verify")).click();
        Browser.waitForUrl(browser, "/v");
        String number = cert.get("certificateNumber").asText();
        browser.findElement(By.id("certificateNumber")).sendKeys(number);
        browser.findElement(By.id("name")).sendKeys(person[0] + "某");
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("lookup-submit")).click();
        assertThat(Browser.waitForText(browser, By.id("lookup-error"), "未找到")).isEqualTo(
                "未找到与该证书编号和姓名相符的证书，请核对后重试");
        assertThat(browser.findElement(By.id("certificateNumber")).getAttribute("value")).as("kept").isEqualTo(number);
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys(person[0]);
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("lookup-submit")).click();
        assertThat(Browser.waitForText(browser, By.id("verify-status"), "证书有效")).isEqualTo("证书有效");
        assertThat(browser.findElement(By.id("verify-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("verify-id")).getText()).contains("*");
        Browser.screenshot(browser, "verify-lookup");
        assertThat(Browser.consoleErrors(browser, "/v/lookup")).isEmpty();

        // the privacy notice, as everyone may read it
        browser.get(platform.url("/privacy"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("个人信息保护告知书");
        Browser.screenshot(browser, "privacy-notice");

        // the holder makes a code in 隐私与授权
        browser.manage().deleteAllCookies();
        browser.get(platform.url("/login"));
        browser.findElement(By.id("login")).sendKeys(person[1]);
        browser.findElement(By.id("password")).sendKeys("Chayan2026ok");
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "/me");
        browser.findElement(By.id("menu-privacy")).click();
        Browser.waitForUrl(browser, "/me/privacy");
        assertThat(browser.findElements(By.cssSelector("#check-list tbody tr"))).as("查验记录").isNotEmpty();
        new Select(browser.findElement(By.id("days"))).selectByValue("3");
        browser.findElement(By.id("create-code")).click();
        String code = Browser.waitForText(browser, By.id("new-code-value"), "-");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(browser.findElement(By.cssSelector("#codes tbody tr")).getAttribute("data-status")).isEqualTo("ACTIVE");
        Browser.screenshot(browser, "privacy-share-code");
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        // the employer uses it
        WebDriver employer = Browser.start();
        try {
            employer.get(platform.url("/v"));
            employer.findElement(By.id("code")).sendKeys(code);
            employer.findElement(By.id("share-submit")).click();
            assertThat(Browser.waitForText(employer, By.id("shared-id"), person[1])).isEqualTo(person[1]);
            assertThat(employer.findElement(By.id("shared-name")).getText()).isEqualTo(person[0]);
            Browser.screenshot(employer, "verify-share-code");
            assertThat(Browser.consoleErrors(employer)).isEmpty();
        } finally {
            employer.quit();
        }

        // and the holder withdraws it
        browser.get(platform.url("/me/privacy"));
        browser.findElement(By.cssSelector("#codes tbody tr[data-status='ACTIVE'] .withdraw")).click();
        Browser.waitForUrl(browser, "notice=share-code-withdrawn");
        assertThat(browser.findElements(By.cssSelector("#codes tbody tr[data-status='ACTIVE']")))
                .as("the day's code of the REST test is still active").hasSize(1);
        Browser.screenshot(browser, "privacy-withdrawn");
        assertThat(platform.api().post("/api/v1/verify/share-code", Map.of("code", code)).status()).isEqualTo(404);

        // 注销账号: the rule is shown; a wrong confirmation changes nothing; then the account is gone
        browser.findElement(By.id("close-password")).sendKeys("Chayan2026ok");
        browser.findElement(By.id("confirmation")).sendKeys("确认");
        browser.findElement(By.id("close-submit")).click();
        assertThat(Browser.waitForText(browser, By.id("close-error"), "注销")).isEqualTo("请输入“注销”确认注销账号");
        assertThat(browser.findElement(By.id("close-account")).getText()).contains("立即删除", "继续保存");
        Browser.screenshot(browser, "privacy-close-account");
        browser.findElement(By.id("close-password")).sendKeys("Chayan2026ok");
        browser.findElement(By.id("confirmation")).sendKeys("注销");
        browser.findElement(By.id("close-submit")).click();
        Browser.waitForUrl(browser, "/login?notice=account-closed");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).startsWith("账号已注销");
        assertThat(Browser.consoleErrors(browser, "/me/privacy/close")).isEmpty();
        assertThat(platform.api().tryLogin("individual", person[1], "Chayan2026ok").status()).isEqualTo(401);
        assertThat(platform.api().get("/api/v1/verify/" + token(cert)).json().get("status").asText())
                .as("the certificate stays, and verifies").isEqualTo("VALID");
    }

    @Test
    @Order(6)
    void closingAnAccountErasesWhatIsTheAccountsAndKeepsWhatLawKeeps() {
        long filing = TestFixtures.photographedFiling(system, system, "注销测试", 1, OFFSET + 10, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        JsonNode mine = TestFixtures.settledCertificates(system, filing, 1).get(0);
        String[] row = TestFixtures.rows(1, OFFSET + 10).get(0).split(",");
        Api closing = TestFixtures.confirmedAccount(platform, row, "closing" + OFFSET + "@example.com", "Zhuxiao2026");
        String code = closing.post("/api/v1/me/share-codes", Map.of("days", 7)).json().get("code").asText();
        Api anyone = platform.api();
        assertThat(lookup(anyone, mine.get("certificateNumber").asText(), row[0]).status()).isEqualTo(200);
        assertThat(closing.get("/api/v1/me/notices").json().get("total").asInt()).isPositive();

        Api.Response unconfirmed = closing.post("/api/v1/me/account-closure", Map.of("password", "Zhuxiao2026"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.json().get("code").asText()).isEqualTo("CLOSURE_NOT_CONFIRMED");
        Api.Response wrong = closing.post("/api/v1/me/account-closure", Map.of("password", "Wrong2026x",
                "confirmation", "注销"));
        assertThat(wrong.json().get("code").asText()).isEqualTo("PASSWORD_WRONG");
        assertThat(closing.get("/api/v1/me").status()).as("nothing changed").isEqualTo(200);
        assertThat(system.post("/api/v1/me/account-closure", Map.of("confirmation", "注销")).status())
                .as("individuals only").isEqualTo(403);

        Api.Response closed = closing.post("/api/v1/me/account-closure", Map.of("password", "Zhuxiao2026",
                "confirmation", "注销"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(204);
        assertThat(closing.get("/api/v1/me").status()).as("the session ended").isEqualTo(401);
        assertThat(anyone.tryLogin("individual", row[1], "Zhuxiao2026").status()).isEqualTo(401);
        assertThat(anyone.post("/api/v1/verify/share-code", Map.of("code", code)).status()).isEqualTo(404);
        // kept: the certificate, its roster entry and the audit log
        assertThat(system.get("/api/v1/certificates/" + mine.get("id").asLong()).json().get("validity").asText())
                .isEqualTo("VALID");
        assertThat(TestFixtures.personIds(system, filing)).containsKey(row[1]);
        assertThat(system.get("/api/v1/audit?action=ACCOUNT_CLOSE&size=200").json().findValuesAsText("outcome"))
                .contains("SUCCESS");
        // signing up again, the person finds their certificate, and none of what was erased
        Api again = TestFixtures.confirmedAccount(platform, row, "closing" + OFFSET + "@example.com", "Zhuxiao2027");
        assertThat(again.get("/api/v1/me/certificates").json().findValuesAsText("certificateNumber"))
                .containsExactly(mine.get("certificateNumber").asText());
        assertThat(again.get("/api/v1/me/notices").json().get("total").asInt()).isZero();
        assertThat(again.get("/api/v1/me/checks").json().get("total").asInt()).isZero();
        assertThat(again.get("/api/v1/me/share-codes").json()).isEmpty();
    }

    @Test
    @Order(7)
    void lookupsAreLimitedPerAddress() {
        Api anyone = platform.api();
        int status = 0;
        for (int i = 0; i < 60 && status != 429; i++) {
            status = anyone.post("/api/v1/verify/lookup", Map.of("certificateNumber", "X", "name", "某",
                    "captchaId", "x", "captchaAnswer", "x")).status();
        }
        assertThat(status).isEqualTo(429);
        Api.Response limited = anyone.post("/api/v1/verify/lookup", Map.of());
        assertThat(limited.json().get("code").asText()).isEqualTo("LOOKUP_RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }
}
