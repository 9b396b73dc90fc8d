package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.titlecert.photo.internal.Images;

/**
 * Two nodes behind HAProxy, which sends every request to the other node in turn: a unit admin's and a system
 * admin's whole journey in Chromium (login with captcha, a new filing, its roster and approval document, approval,
 * photos, certificates, the public verification of one) works as on one node.
 */
@Order(2)
@EnabledIf("org.titlecert.itests.PostgresCluster#enabled")
class LoadBalancerIT {

    private static TwoNodes nodes;
    private static Haproxy balancer;

    @BeforeAll
    static void start() {
        int port = Platform.freePort(); // chosen now: the nodes are told the public address before they start
        nodes = TwoNodes.start("balanced", "http://127.0.0.1:" + port);
        Map<String, Integer> servers = new LinkedHashMap<>();
        servers.put("node-1", nodes.one.port());
        servers.put("node-2", nodes.two.port());
        balancer = Haproxy.start(Path.of(System.getProperty("titlecert.work")).resolve("haproxy"), port, servers);
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void theBalancerSendsEachRequestToTheOtherNode() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(balancer.url("/api/v1/health")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            answered.add(r.headers().firstValue("X-TitleCert-Node").orElseThrow());
        }
        assertThat(answered).containsExactlyInAnyOrder("node-1", "node-2");
    }

    @Test
    void aWholeJourneyInTheBrowserWorksWhileEveryRequestGoesToTheOtherNode() throws Exception {
        Map<String, Long> before = balancer.answered();
        WebDriver unit = Browser.start();
        WebDriver system = Browser.start();
        try {
            DemoAccounts.Account admin = nodes.one.accounts().of("unitadmin", "AHCZ");
            login(unit, admin);
            Browser.waitForUrl(unit, "/admin/filings");

            // a new filing, its roster and its approval document
            unit.get(balancer.url("/admin/filings/new"));
            unit.findElement(By.id("name")).sendKeys("负载均衡批复");
            unit.findElement(By.id("approvalNumber")).sendKeys(TestFixtures.uniqueNumber("皖职改办〔2024〕"));
            unit.findElement(By.id("year")).clear();
            unit.findElement(By.id("year")).sendKeys("2024");
            new Select(unit.findElement(By.id("committeeId"))).selectByIndex(1);
            new Select(unit.findElement(By.id("issuingAuthorityId"))).selectByIndex(1);
            unit.findElement(By.cssSelector("form.form button[type=submit]")).click();
            Browser.screenshot(unit, "balanced-new-filing");
            String filingUrl = Browser.waitForUrl(unit, "/admin/filings/");
            long filing = Long.parseLong(filingUrl.replaceAll(".*/admin/filings/(\\d+).*", "$1"));

            Path csv = Files.createTempFile("roster", ".csv");
            Files.writeString(csv, TestFixtures.roster(3, 52000));
            unit.findElement(By.cssSelector("#roster input[type=file]")).sendKeys(csv.toString());
            unit.findElement(By.id("import")).click();
            Browser.waitForText(unit, By.cssSelector(".alert-success"), "新增 3 人");
            Path pdf = Files.createTempFile("批复", ".pdf");
            Files.write(pdf, TestFixtures.pdf());
            unit.findElement(By.cssSelector("#approval-document input[type=file]")).sendKeys(pdf.toString());
            unit.findElement(By.cssSelector("#approval-document button[type=submit]")).click();
            Browser.waitForText(unit, By.id("approval-document"), "在新窗口打开");

            // the system admin approves it
            login(system, nodes.one.accounts().first("sysadmin"));
            Browser.waitForUrl(system, "/admin/filings");
            system.get(balancer.url("/admin/filings/" + filing));
            system.findElement(By.id("approve")).click();
            system.switchTo().alert().accept();
            assertThat(system.findElement(By.id("certificate-export")).isDisplayed()).isTrue();

            // the unit's photos, then its certificates
            unit.get(balancer.url("/admin/photo-imports"));
            Path zip = Files.createTempFile("photos", ".zip");
            Files.write(zip, TestFixtures.photoZip(TestFixtures.rows(3, 52000).stream().map(r -> r.split(",")[1])
                    .toList(), Images.jpeg(Images.halves(413, 579, new Color(0x8E, 0x24, 0xAA), Color.WHITE))));
            unit.findElement(By.cssSelector("input[name=file]")).sendKeys(zip.toString());
            unit.findElement(By.id("import")).click();
            Browser.waitForText(unit, By.id("import-summary"), "成功导入 3 张");

            new WebDriverWait(unit, Duration.ofSeconds(30)).until(d -> {
                d.get(balancer.url("/admin/filings/" + filing + "/certificates"));
                return d.findElements(By.cssSelector("#certificates tbody tr[data-status='GENERATED']")).size() == 3;
            });
            Browser.screenshot(unit, "balanced-certificate-export");
            WebElement first = unit.findElement(By.cssSelector("#certificates tbody tr[data-status='GENERATED']"));
            String number = first.findElements(By.tagName("td")).get(2).getText();
            String href = first.findElement(By.linkText("下载")).getAttribute("href");
            String cookie = unit.manage().getCookieNamed("TCSESSION").getValue();
            Api session = new Api(balancer.url("")).withSession(cookie, "");
            byte[] certificate = session.get(href.substring(href.indexOf("/api/"))).bytes();
            assertThat(Pdfs.text(certificate)).contains(number);

            // the QR code on it opens the public verification page, through the balancer
            String qr = Pdfs.qr(certificate);
            assertThat(qr).startsWith(balancer.url("/v/"));
            unit.get(qr);
            assertThat(unit.findElement(By.id("verify-status")).getText()).isEqualTo("证书有效");
            assertThat(unit.findElement(By.id("verify-number")).getText()).isEqualTo(number);
            assertThat(Browser.consoleErrors(unit)).isEmpty();
            assertThat(Browser.consoleErrors(system)).isEmpty();
        } finally {
            unit.quit();
            system.quit();
        }
        Map<String, Long> after = balancer.answered();
        for (String node : List.of("node-1", "node-2")) {
            assertThat(after.get(node) - before.getOrDefault(node, 0L)).as("answers from %s", node)
                    .isGreaterThan(10);
        }
    }

    private static void login(WebDriver browser, DemoAccounts.Account account) {
        browser.get(balancer.url("/admin/login"));
        browser.findElement(By.id("account")).sendKeys(account.login());
        browser.findElement(By.id("password")).sendKeys(account.secret());
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
    }
}
