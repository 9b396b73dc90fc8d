package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/** 证书导出 for a whole filing: search by name or ID number, the page size, and 下载全部 whatever the page. */
class WholeFilingIT {

    private final Platform platform = Platform.shared();
    private final Api system = platform.system();

    @Test
    void aUnitFindsAPersonByNameOrIdNumberAndDownloadsTheWholeFiling() throws IOException {
        Api unit = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        long filing = TestFixtures.photographedFiling(system, system, "整批下载测试", 7, 94000, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        List<JsonNode> all = TestFixtures.settledCertificates(unit, filing, 7);
        Map<String, Long> people = TestFixtures.personIds(unit, filing);
        String idNumber = people.keySet().iterator().next();
        long person = people.get(idNumber);

        JsonNode byId = unit.get("/api/v1/filings/" + filing + "/certificates?search=" + idNumber).json();
        assertThat(byId.get("total").asInt()).isOne();
        assertThat(byId.at("/items/0/personId").asLong()).isEqualTo(person);
        String name = byId.at("/items/0/personName").asText();
        String part = name.substring(1);
        JsonNode byName = unit.get("/api/v1/filings/" + filing + "/certificates?search="
                + URLEncoder.encode(part, StandardCharsets.UTF_8)).json();
        assertThat(byName.get("total").asInt()).isPositive();
        assertThat(byName.get("items").findValuesAsText("personName")).allSatisfy(n -> assertThat(n).contains(part));
        assertThat(unit.get("/api/v1/filings/" + filing + "/certificates?search=%25").json().get("total").asInt())
                .as("a wildcard is a character, not a pattern").isEqualTo(7);
        assertThat(unit.get("/api/v1/filings/" + filing + "/certificates?search=110101199001011237").json()
                .get("total").asInt()).as("an ID number not on the filing").isZero();
        assertThat(unit.get("/api/v1/filings/" + filing + "/certificates?size=3&page=3").json().get("items").size())
                .isOne();

        Api.Response zip = unit.get("/api/v1/filings/" + filing + "/certificates/all.zip");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        Map<String, byte[]> entries = unzip(zip.bytes());
        assertThat(entries).hasSize(8).containsKey("manifest.csv");
        String manifest = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        for (JsonNode c : all) {
            String file = c.get("certificateNumber").asText() + "_" + c.get("personName").asText() + ".pdf";
            assertThat(entries).containsKey(file);
            assertThat(Pdfs.text(entries.get(file))).contains(c.get("certificateNumber").asText());
            assertThat(manifest).contains(c.get("certificateNumber").asText() + "," + c.get("personName").asText()
                    + "," + c.get("maskedIdNumber").asText() + "," + c.get("sha256").asText());
        }
        Api other = platform.api().withKey(platform.accounts().of("unitapi", "HFRS").secret());
        assertThat(other.get("/api/v1/filings/" + filing + "/certificates/all.zip").status())
                .as("another unit's filing").isIn(403, 404);

        DemoAccounts.Account admin = platform.accounts().of("unitadmin", "AHCZ");
        Api session = platform.api().login("admin", admin.login(), admin.secret());
        String page = session.get("/admin/filings/" + filing + "/certificates?size=20&q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
        assertThat(page).contains("下载全部（7 本）", "value=\"" + name + "\"");
        assertThat(page.split("<tr data-id=").length - 1).as("the rows the search found")
                .isEqualTo(byName.get("items").findValuesAsText("personName").stream().filter(name::equals).count());
        Api.Response fromPage = session.get("/admin/filings/" + filing + "/certificates/all.zip?progress=abcdef123456");
        assertThat(unzip(fromPage.bytes()).keySet()).isEqualTo(entries.keySet());
        String base = "/admin/filings/" + filing + "/certificates/all.zip/progress?id=";
        assertThat(session.get(base + "abcdef123456").json().toString())
                .isEqualTo("{\"done\":7,\"total\":7,\"finished\":true}");
        DemoAccounts.Account sys = platform.accounts().first("sysadmin");
        Api another = platform.api().login("admin", sys.login(), sys.secret());

        // in the page: the browser's download manager takes the ZIP, the page counts the certificates in
        Path downloads = Files.createTempDirectory("whole-filing");
        WebDriver browser = Browser.start(downloads);
        try {
            Browser.loginAdmin(browser, platform, admin.login(), admin.secret());
            Browser.waitForUrl(browser, "/admin");
            browser.get(platform.url("/admin/filings/" + filing + "/certificates"));
            browser.findElement(By.id("download-all")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(
                    By.id("download-progress"), "下载全部已完成：共 7 本"));
            Browser.screenshot(browser, "download-all-progress");
            MailServer.await("the ZIP saved", () -> {
                try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                    return files.anyMatch(f -> f.toString().endsWith(".zip"));
                } catch (IOException e) {
                    return false;
                }
            });
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            browser.quit();
        }
        assertThat(another.get(base + "abcdef123456").status()).as("another user's download").isEqualTo(404);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
