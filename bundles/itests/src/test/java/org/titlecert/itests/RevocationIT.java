package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revocation of a whole filing (a filing found fraudulent) and its reinstatement (撤销恢复), over REST and in the
 * web UI: the public page shows the fixed reason's text and the date only, reinstatement gives back exactly what
 * the filing's revocation took, each reinstated certificate is generated again as a new version, and the old PDF
 * is then recognised as superseded.
 */
class RevocationIT {

    private final Platform platform = Platform.shared();
    private final Api system = platform.system();
    private WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWholeFilingIsRevokedInOneActAndReinstatedAsNewVersions() {
        long filing = TestFixtures.photographedFiling(system, system, "整批撤销测试", 4, 93000, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        List<JsonNode> issued = TestFixtures.settledCertificates(system, filing, 4);
        JsonNode alone = issued.get(0);
        byte[] oldPdf = system.get("/api/v1/certificates/" + issued.get(1).get("id").asLong() + "/pdf").bytes();

        // one certificate revoked on its own first (本人申请): the filing's revocation takes the other three
        assertThat(system.post("/api/v1/certificates/" + alone.get("id").asLong() + "/revoke",
                Map.of("reason", "HOLDER_REQUEST")).status()).isEqualTo(200);
        Api unit = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        Api.Response byUnit = unit.post("/api/v1/filings/" + filing + "/certificates/revoke", Map.of("reason", "FRAUD"));
        assertThat(byUnit.status()).as("the unit's own key").isEqualTo(403);
        Api.Response noReason = system.post("/api/v1/filings/" + filing + "/certificates/revoke", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("code").asText()).isEqualTo("REASON_REQUIRED");

        JsonNode revoked = system.post("/api/v1/filings/" + filing + "/certificates/revoke",
                Map.of("reason", "FRAUD", "note", "经举报核实，学历证明系伪造")).json();
        assertThat(revoked.get("certificates").asInt()).isEqualTo(3);
        for (JsonNode c : certificates(filing)) {
            assertThat(c.get("validity").asText()).isEqualTo("REVOKED");
            JsonNode page = platform.api().get("/api/v1/verify/" + token(c)).json();
            assertThat(page.get("status").asText()).isEqualTo("REVOKED");
            assertThat(page.get("revokedReason").asText()).isEqualTo(c.get("id").equals(alone.get("id"))
                    ? "本人申请" : "弄虚作假取得");
            assertThat(page.has("revokedAt")).isTrue();
            assertThat(page.toString()).as("the internal note is never public").doesNotContain("学历证明");
        }
        assertThat(system.post("/api/v1/filings/" + filing + "/certificates/revoke", Map.of("reason", "FRAUD"))
                .json().get("code").asText()).as("nothing valid is left").isEqualTo("NOTHING_TO_REVOKE");

        Api.Response noNote = system.post("/api/v1/filings/" + filing + "/certificates/reinstate", Map.of());
        assertThat(noNote.json().get("code").asText()).isEqualTo("NOTE_REQUIRED");
        JsonNode reinstated = system.post("/api/v1/filings/" + filing + "/certificates/reinstate",
                Map.of("note", "经复核，举报不实")).json();
        assertThat(reinstated.get("certificates").asInt()).isEqualTo(3);
        List<JsonNode> after = TestFixtures.settledCertificates(system, filing, 4);
        for (JsonNode c : after) {
            boolean isAlone = c.get("id").equals(alone.get("id"));
            assertThat(c.get("validity").asText()).isEqualTo(isAlone ? "REVOKED" : "VALID");
            if (!isAlone) {
                assertThat(c.get("version").asInt()).as("generated again").isEqualTo(2);
                assertThat(platform.api().get("/api/v1/verify/" + token(c)).json().get("status").asText())
                        .isEqualTo("VALID");
            }
        }
        JsonNode check = platform.api().postBytes("/api/v1/verify/" + token(issued.get(1)) + "/check",
                "application/pdf", oldPdf).json();
        assertThat(check.get("outcome").asText()).as("the PDF from before the revocation").isEqualTo("SUPERSEDED");

        assertThat(system.post("/api/v1/certificates/" + alone.get("id").asLong() + "/reinstate", Map.of()).json()
                .get("code").asText()).isEqualTo("NOTE_REQUIRED");
        assertThat(unit.post("/api/v1/certificates/" + alone.get("id").asLong() + "/reinstate",
                Map.of("note", "单位申请")).status()).as("reinstatement is the system's").isEqualTo(403);
        JsonNode back = system.post("/api/v1/certificates/" + alone.get("id").asLong() + "/reinstate",
                Map.of("note", "本人撤回申请")).json();
        assertThat(back.get("validity").asText()).isEqualTo("VALID");
        assertThat(system.post("/api/v1/certificates/" + alone.get("id").asLong() + "/reinstate",
                Map.of("note", "再次")).json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_REVOKED");
        assertThat(system.post("/api/v1/filings/" + filing + "/certificates/reinstate", Map.of("note", "再次")).json()
                .get("code").asText()).isEqualTo("NOTHING_TO_REINSTATE");

        assertThat(audit("FILING_CERTIFICATES_REVOKE")).contains("filing:" + filing, "经举报核实，学历证明系伪造");
        assertThat(audit("FILING_CERTIFICATES_REINSTATE")).contains("filing:" + filing, "经复核，举报不实");
        assertThat(audit("CERTIFICATE_REINSTATE")).contains("本人撤回申请");
    }

    @Test
    void aSystemAdminRevokesAndReinstatesAFilingOnItsCertificateExportPage() throws Exception {
        long filing = TestFixtures.photographedFiling(system, system, "整批撤销页面测试", 3, 93100, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        TestFixtures.settledCertificates(system, filing, 3);
        browser = Browser.start();
        DemoAccounts.Account admin = platform.accounts().first("sysadmin");
        Browser.loginAdmin(browser, platform, admin.login(), admin.secret());
        Browser.waitForUrl(browser, "/admin");
        browser.get(platform.url("/admin/filings/" + filing + "/certificates"));
        browser.findElement(By.cssSelector("#filing-revocation details summary")).click();
        new Select(browser.findElement(By.id("filing-revoke-reason"))).selectByValue("FRAUD");
        browser.findElement(By.id("filing-revoke-note")).sendKeys("经查实弄虚作假");
        Browser.screenshot(browser, "filing-revoke-form");
        browser.findElement(By.id("filing-revoke")).click();
        browser.switchTo().alert().accept();
        Browser.waitForUrl(browser, "notice=filing-revoked");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("整批证书已撤销：共 3 本，公开验证页面将显示撤销状态");
        assertThat(browser.findElements(By.cssSelector("#certificates tbody tr[data-id]")))
                .allSatisfy(r -> assertThat(r.getText()).contains("已撤销"));
        Browser.screenshot(browser, "filing-revoked");

        browser.findElements(By.cssSelector("#filing-revocation details summary")).get(1).click();
        browser.findElement(By.id("filing-reinstate-note")).sendKeys("经复核，举报不实");
        browser.findElement(By.id("filing-reinstate")).click();
        browser.switchTo().alert().accept();
        Browser.waitForUrl(browser, "notice=filing-reinstated");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("随整批撤销的证书已恢复有效：共 3 本，正在生成新版本");
        assertThat(TestFixtures.settledCertificates(system, filing, 3)).allSatisfy(c -> {
            assertThat(c.get("validity").asText()).isEqualTo("VALID");
            assertThat(c.get("version").asInt()).isEqualTo(2);
        });
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    private String audit(String action) {
        return system.get("/api/v1/audit?size=5&action=" + action).body();
    }

    private List<JsonNode> certificates(long filing) {
        List<JsonNode> out = new java.util.ArrayList<>();
        system.get("/api/v1/filings/" + filing + "/certificates?size=100").json().get("items").forEach(out::add);
        return out;
    }

    private static String token(JsonNode certificate) {
        String url = certificate.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
