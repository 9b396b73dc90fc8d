package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.titlecert.photo.internal.Images;

/** The manual's two certificate journeys in headless Chromium, and the public page a QR code opens. */
class CertificateUiIT {

    private final Platform platform = Platform.shared();
    private WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anIndividualPreviewsAndDownloadsTheirCertificateAndItsQrOpensTheVerificationPage() throws Exception {
        DemoAccounts.Account person = platform.accounts().all("individual").get(3);
        browser = Browser.start();
        browser.get(platform.url("/login"));
        browser.findElement(By.id("login")).sendKeys(person.login());
        browser.findElement(By.id("password")).sendKeys(person.secret());
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "/me");

        String cookie = browser.manage().getCookieNamed("TCSESSION").getValue();
        Api session = platform.api().withSession(cookie, "");
        String csrf = session.get("/api/v1/me").json().get("csrfToken").asText();
        session = platform.api().withSession(cookie, csrf);
        assertThat(session.putBytes("/api/v1/me/photo", "image/jpeg",
                Images.jpeg(Images.halves(600, 840, new Color(0x43, 0x8E, 0xDB), Color.WHITE))).status()).isEqualTo(200);

        browser.get(platform.url("/me/titles"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#titles tbody tr[data-status='GENERATED'] a.download")).isEmpty());
        WebElement row = browser.findElement(By.cssSelector("#titles tbody tr[data-status='GENERATED']"));
        String number = row.findElements(By.tagName("td")).get(1).getText();
        assertThat(number).matches("34\\d{4,6}[A-Z]+\\d{5}");
        assertThat(row.getText()).contains("有效", "查看", "上传", "下载");
        Browser.screenshot(browser, "certificate-my-titles");

        String href = row.findElement(By.linkText("下载")).getAttribute("href");
        Api.Response pdf = session.get(href.substring(href.indexOf("/api/")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("inline;");
        String name = session.get("/api/v1/me/certificates").json().get(0).get("personName").asText();
        assertThat(Pdfs.text(pdf.bytes())).contains("姓名：" + name, number);
        Pdfs.save(pdf.bytes(), "certificate-individual");
        String url = Pdfs.qr(pdf.bytes());
        assertThat(url).startsWith(platform.url("/v/"));

        row.findElement(By.linkText("查看")).click();
        assertThat(browser.findElement(By.id("certificate")).getText()).contains("证书文件", number, "已生成");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the manual's term (issue 16)")
                .contains("批复文号").doesNotContain("批准文号");
        assertThat(browser.findElement(By.id("certificate-file")).getAttribute("href")).endsWith(href.substring(href.indexOf("/api/")));
        Browser.screenshot(browser, "certificate-title-view");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url);
        assertThat(browser.findElement(By.id("verify-status")).getText()).isEqualTo("证书有效");
        assertThat(browser.findElement(By.id("verify-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("verify-id")).getText()).matches("\\d\\*{16}[\\dX]");
        assertThat(browser.getPageSource()).doesNotContain(person.login());
        Browser.screenshot(browser, "certificate-verify-mobile");

        Path file = Files.createTempFile("certificate", ".pdf");
        Files.write(file, pdf.bytes());
        browser.findElement(By.id("check-file")).sendKeys(file.toString());
        browser.findElement(By.id("check-submit")).click();
        assertThat(browser.findElement(By.id("check-result")).getText()).contains("当前有效的原始文件");
        Browser.screenshot(browser, "certificate-verify-check");
        assertThat(Browser.consoleErrors(browser)).as("no page logged an error or failed to load anything").isEmpty();
    }

    @Test
    void anAdminFiltersOpensTheCertificateExportChecksThreeRowsAndDownloadsTheZip() throws Exception {
        TestFixtures.awaitDemoSeals(platform.system());
        Path downloads = Files.createTempDirectory("downloads");
        browser = Browser.start(downloads);
        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "AHCZ");
        Browser.loginAdmin(browser, platform, admin.login(), admin.secret());
        Browser.waitForUrl(browser, "/admin/filings");

        new Select(browser.findElement(By.name("year"))).selectByValue("2021");
        new Select(browser.findElement(By.name("status"))).selectByValue("APPROVED");
        browser.findElement(By.id("search")).click();
        Browser.waitForUrl(browser, "status=APPROVED");
        WebElement filing = browser.findElements(By.cssSelector("#filings tbody tr[data-id]")).stream()
                .filter(r -> r.getText().contains("皖职改办〔2021〕12号")).findFirst().orElseThrow();
        filing.findElement(By.linkText("管理")).click();
        browser.findElement(By.id("certificate-export")).click();
        Browser.waitForUrl(browser, "/certificates");

        List<WebElement> rows = browser.findElements(By.cssSelector("#certificates tbody tr[data-id]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-status")).contains("GENERATED", "NOT_GENERATED");
        for (WebElement r : rows) {
            boolean generated = r.getAttribute("data-status").equals("GENERATED");
            assertThat(r.getText()).contains(generated ? "已生成" : "未生成");
            assertThat(r.findElement(By.name("id")).isEnabled()).isEqualTo(generated);
            assertThat(r.findElements(By.linkText("下载")).isEmpty()).isEqualTo(!generated);
        }
        assertThat(browser.findElement(By.id("batch-download")).isEnabled()).isFalse();
        String disabledLook = browser.findElement(By.id("batch-download")).getCssValue("background-color");
        List<String> checked = new ArrayList<>();
        for (WebElement r : rows) {
            if (checked.size() < 3 && r.getAttribute("data-status").equals("GENERATED")) {
                r.findElement(By.name("id")).click();
                checked.add(r.findElements(By.tagName("td")).get(2).getText());
            }
        }
        assertThat(browser.findElement(By.id("checked-count")).getText()).isEqualTo("已勾选 3 本");
        Browser.screenshot(browser, "certificate-export");
        browser.findElement(By.id("batch-download")).click();

        Path zip = awaitDownload(downloads, ".zip");
        List<String> names = new ArrayList<>();
        byte[] exported = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] data = z.readAllBytes();
                if (e.getName().endsWith(".pdf")) {
                    assertThat(Pdfs.pages(data)).isOne();
                    exported = data;
                }
            }
        }
        assertThat(names).hasSize(4).contains("manifest.csv");
        for (String n : checked) {
            assertThat(names).anyMatch(f -> f.startsWith(n + "_"));
        }
        // issue 16: after the download the button works again, without a reload, and looks enabled
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("batch-download")).isEnabled());
        assertThat(browser.findElement(By.id("batch-download")).getCssValue("background-color"))
                .as("a disabled button looks disabled").isNotEqualTo(disabledLook);
        assertThat(browser.findElement(By.id("export-form")).findElements(By.cssSelector("td.mono")))
                .as("ID numbers are masked in lists").allSatisfy(td -> assertThat(td.getText()).doesNotMatch("\\d{17}[\\dX]"));

        WebElement first = browser.findElements(By.cssSelector("#certificates tbody tr[data-status='GENERATED']")).get(0);
        first.findElement(By.linkText("查看")).click();
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("基本信息", "获得资格情况", "所在单位信息", "证书及批复情况", "证书文件", "批复文件");
        assertThat(browser.findElements(By.cssSelector("iframe.pdf-preview"))).hasSize(2);
        assertThat(Browser.brokenImages(browser)).isEmpty();
        Browser.screenshot(browser, "certificate-admin-view");

        // a person without a photo yet: a labelled placeholder, not a broken image (issue 16)
        browser.navigate().back();
        browser.findElements(By.cssSelector("#certificates tbody tr[data-status='NOT_GENERATED']")).get(0)
                .findElement(By.linkText("查看")).click();
        assertThat(browser.findElement(By.id("person-photo")).getText()).isEqualTo("未上传照片");
        assertThat(Browser.brokenImages(browser)).isEmpty();
        Browser.screenshot(browser, "certificate-admin-view-no-photo");

        browser.get(platform.url("/admin/seals"));
        assertThat(browser.findElement(By.cssSelector("#seals tr[data-code='AHKJGP']")).getText()).contains("已启用");
        assertThat(browser.findElement(By.cssSelector("#seals tr[data-code='HFGCZP']")).getText()).contains("未启用");
        assertThat(browser.findElements(By.id("qr-warning"))).as("the QR address is the system admins' business").isEmpty();
        Browser.screenshot(browser, "seals-admin");

        // an exported certificate checked on the public page its QR code opens: both seals intact and trusted
        browser.get(Pdfs.qr(exported));
        Path file = Files.createTempFile("exported", ".pdf");
        Files.write(file, exported);
        browser.findElement(By.id("check-file")).sendKeys(file.toString());
        browser.findElement(By.id("check-submit")).click();
        List<WebElement> seals = browser.findElements(By.cssSelector("#seal-checks tbody tr"));
        assertThat(seals).hasSize(2).allSatisfy(r -> assertThat(r.getText()).contains("完好", "本平台信任"));
        assertThat(browser.findElement(By.id("verify-seal")).getText()).isEqualTo("已盖章");
        Browser.screenshot(browser, "certificate-verify-sealed");
        assertThat(Browser.consoleErrors(browser)).as("no page logged an error or failed to load anything").isEmpty();
    }

    private static Path awaitDownload(Path dir, String suffix) throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(suffix)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Platform.sleep(100);
        }
        throw new AssertionError("no " + suffix + " downloaded into " + dir);
    }
}
