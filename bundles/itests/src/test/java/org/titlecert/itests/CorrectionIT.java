package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Corrections (更正) over REST and in Chromium: a unit asks with evidence, the supervising department approves or
 * rejects; an approved correction changes the roster entry and makes a new, sealed version under the same number,
 * the old PDF is then recognised as superseded by a correction (never forged, never current), and the public page
 * and JSON show the version history with the reason.
 */
class CorrectionIT {

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
    void anApprovedCorrectionMakesANewSealedVersionUnderTheSameNumberAndTheOldPdfChecksAsCorrected() {
        TestFixtures.awaitDemoSeals(system);
        long filing = TestFixtures.photographedFiling(system, system, "更正测试", 2, 94000, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        List<JsonNode> issued = TestFixtures.settledCertificates(system, filing, 2);
        JsonNode cert = issued.get(0);
        long id = cert.get("id").asLong();
        String oldName = cert.get("personName").asText();
        String newName = oldName.startsWith("王") ? "王丽娟" : "李丽娟";
        byte[] oldPdf = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        Api unit = unitAdmin("AHCZ");
        Api other = unitAdmin("HFRS");

        // refused requests lose nothing and say why
        assertThat(request(unit, id, Map.of("name", newName)).json().get("code").asText())
                .isEqualTo("REASON_REQUIRED");
        Api.Response wrongBirth = request(unit, id, Map.of("reason", "GENDER_OR_BIRTH", "birthDate", "1999-01-01"));
        assertThat(wrongBirth.status()).isEqualTo(400);
        assertThat(wrongBirth.json().get("code").asText()).isEqualTo("CORRECTION_INVALID");
        assertThat(wrongBirth.json().at("/errors/0/column").asText()).isEqualTo("出生日期");
        assertThat(wrongBirth.json().at("/errors/0/reason").asText()).contains("与身份证号码不一致");
        assertThat(request(unit, id, Map.of("reason", "NAME", "name", oldName)).json().get("code").asText())
                .isEqualTo("NOTHING_TO_CORRECT");
        assertThat(request(unit, id, Map.of("reason", "NAME", "birthDate", "1999-02-30")).json().get("code").asText())
                .isEqualTo("INVALID_FIELD");
        assertThat(request(other, id, Map.of("reason", "NAME", "name", newName)).status())
                .as("another unit's certificate").isEqualTo(404);
        assertThat(system.get("/api/v1/corrections?certificateId=" + id).json().get("total").asInt())
                .as("nothing was stored by the refused requests").isZero();

        Api.Response asked = request(unit, id, Map.of("reason", "NAME", "name", newName,
                "detail", "名单录入错误，见身份证复印件"));
        assertThat(asked.status()).isEqualTo(201);
        JsonNode correction = asked.json();
        long cid = correction.get("id").asLong();
        assertThat(asked.header("Location")).endsWith("/api/v1/corrections/" + cid);
        assertThat(correction.get("status").asText()).isEqualTo("PENDING");
        assertThat(correction.has("evidenceName")).isFalse();
        assertThat(correction.get("changes")).hasSize(1);
        assertThat(correction.at("/changes/0/field").asText()).isEqualTo("NAME");
        assertThat(correction.at("/changes/0/from").asText()).isEqualTo(oldName);
        assertThat(correction.at("/changes/0/to").asText()).isEqualTo(newName);
        assertThat(request(unit, id, Map.of("reason", "NAME", "name", "王某某")).json().get("code").asText())
                .isEqualTo("CORRECTION_PENDING");
        assertThat(system.post("/api/v1/corrections/" + cid + "/approve", Map.of()).json().get("code").asText())
                .as("not without its evidence").isEqualTo("EVIDENCE_REQUIRED");
        assertThat(system.get("/api/v1/corrections/" + cid + "/evidence").json().get("code").asText())
                .isEqualTo("EVIDENCE_NOT_FOUND");

        // the evidence: a PDF, within its limit, by the unit that asked
        Api.Response notPdf = evidence(unit, cid, "<html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notPdf.status()).isEqualTo(415);
        assertThat(notPdf.json().get("code").asText()).isEqualTo("DOCUMENT_NOT_PDF");
        assertThat(notPdf.json().get("message").asText()).isEqualTo("证明材料必须是 PDF 文件");
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(TestFixtures.pdf(), 0, huge, 0, 8);
        assertThat(evidence(unit, cid, huge).json().get("code").asText()).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(evidence(other, cid, TestFixtures.pdf()).status()).isEqualTo(404);
        byte[] pdf = TestFixtures.pdf();
        JsonNode withEvidence = evidence(unit, cid, pdf).json();
        assertThat(withEvidence.get("evidenceName").asText()).isEqualTo("身份证复印件.pdf");
        assertThat(withEvidence.get("evidenceSize").asLong()).isEqualTo(pdf.length);

        // scoped lists and evidence; only the supervising department decides
        assertThat(ids(unit.get("/api/v1/corrections?status=PENDING"))).contains(cid);
        assertThat(ids(system.get("/api/v1/corrections?status=PENDING"))).contains(cid);
        assertThat(ids(other.get("/api/v1/corrections"))).doesNotContain(cid);
        assertThat(other.get("/api/v1/corrections/" + cid).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/corrections/" + cid + "/evidence").status()).isEqualTo(404);
        assertThat(system.get("/api/v1/corrections/" + cid + "/evidence").bytes()).isEqualTo(pdf);
        assertThat(unit.post("/api/v1/corrections/" + cid + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(system.get("/api/v1/certificates/" + id).json().get("personName").asText())
                .as("nothing changes before the decision").isEqualTo(oldName);

        JsonNode approved = system.post("/api/v1/corrections/" + cid + "/approve", Map.of("note", "已核对")).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(system.post("/api/v1/corrections/" + cid + "/approve", Map.of()).json().get("code").asText())
                .isEqualTo("CORRECTION_DECIDED");
        JsonNode now = TestFixtures.settledCertificates(system, filing, 2).stream()
                .filter(c -> c.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(now.get("personName").asText()).isEqualTo(newName);
        assertThat(now.get("certificateNumber").asText()).isEqualTo(cert.get("certificateNumber").asText());
        assertThat(system.get("/api/v1/corrections/" + cid).json().get("version").asInt()).isEqualTo(2);
        assertThat(system.get("/api/v1/filings/" + filing + "/roster?size=10").body()).contains(newName)
                .doesNotContain(oldName);

        byte[] newPdf = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        assertThat(Pdfs.text(newPdf)).contains(newName).doesNotContain(oldName);
        Pdfs.save(newPdf, "corrected-certificate");
        String token = token(now);
        assertThat(Pdfs.qr(newPdf)).endsWith("/v/" + token);
        JsonNode current = platform.api().postBytes("/api/v1/verify/" + token + "/check", "application/pdf", newPdf)
                .json();
        assertThat(current.get("outcome").asText()).isEqualTo("CURRENT");
        assertThat(current.at("/seals/seals")).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("intact").asBoolean()).isTrue();
            assertThat(s.get("trusted").asBoolean()).isTrue();
        });
        JsonNode old = platform.api().postBytes("/api/v1/verify/" + token + "/check", "application/pdf", oldPdf).json();
        assertThat(old.get("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(old.get("corrected").asBoolean()).isTrue();
        assertThat(old.get("matchedVersion").asInt()).isEqualTo(1);
        assertThat(old.get("currentVersion").asInt()).isEqualTo(2);

        JsonNode page = platform.api().get("/api/v1/verify/" + token).json();
        assertThat(page.get("name").asText()).isEqualTo(newName);
        assertThat(page.get("versions")).hasSize(2);
        assertThat(page.at("/versions/0/reason").asText()).isEqualTo("ISSUED");
        assertThat(page.at("/versions/0/sha256").asText()).isEqualTo(cert.get("sha256").asText());
        assertThat(page.at("/versions/1/reason").asText()).isEqualTo("CORRECTED");
        assertThat(page.at("/versions/1/correctionReason").asText()).isEqualTo("NAME");
        assertThat(page.at("/versions/1/description").asText()).isEqualTo("因“姓名有误”更正");
        assertThat(page.at("/versions/1/sha256").asText()).isEqualTo(now.get("sha256").asText());
        assertThat(page.toString()).as("neither the old name nor the internal notes are public")
                .doesNotContain(oldName, "身份证复印件", "已核对");

        // a rejection needs a reason and changes nothing
        // concurrent clicks: one request is taken, the others are told one is pending
        long second = issued.get(1).get("id").asLong();
        List<Api.Response> burst = java.util.stream.IntStream.range(0, 4).parallel()
                .mapToObj(i -> request(unit, second, Map.of("reason", "EMPLOYER", "employer", "合肥市另一单位")))
                .toList();
        assertThat(burst).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(burst).filteredOn(r -> r.status() != 201).allSatisfy(r ->
                assertThat(r.json().get("code").asText()).isEqualTo("CORRECTION_PENDING"));
        long rid = burst.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("id").asLong();
        assertThat(system.get("/api/v1/corrections?certificateId=" + second).json().get("total").asInt()).isEqualTo(1);
        assertThat(system.post("/api/v1/corrections/" + rid + "/reject", Map.of()).json().get("code").asText())
                .isEqualTo("NOTE_REQUIRED");
        JsonNode rejected = system.post("/api/v1/corrections/" + rid + "/reject", Map.of("note", "证明材料不足"))
                .json();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionNote").asText()).isEqualTo("证明材料不足");
        assertThat(system.post("/api/v1/corrections/" + rid + "/approve", Map.of()).json().get("code").asText())
                .isEqualTo("CORRECTION_DECIDED");
        assertThat(system.get("/api/v1/certificates/" + second).json().get("version").asInt()).isEqualTo(1);

        assertThat(system.get("/api/v1/audit?size=5&action=CORRECTION_APPROVE").body())
                .contains("correction:" + cid, oldName + " → " + newName);
        assertThat(system.get("/api/v1/audit?size=5&action=CORRECTION_REJECT").body()).contains("证明材料不足");
    }

    @Test
    void aUnitAsksForACorrectionOnTheCertificatePageAndTheSupervisorApprovesItInTheReviewList() throws Exception {
        TestFixtures.awaitDemoSeals(system);
        long filing = TestFixtures.photographedFiling(system, system, "更正页面测试", 1, 94100, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        JsonNode cert = TestFixtures.settledCertificates(system, filing, 1).get(0);
        long id = cert.get("id").asLong();
        byte[] oldPdf = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        Path evidence = Files.createTempFile("evidence", ".pdf");
        Files.write(evidence, TestFixtures.pdf());
        Path notPdf = Files.createTempFile("evidence", ".pdf");
        Files.writeString(notPdf, "这不是 PDF");

        browser = Browser.start();
        DemoAccounts.Account unitAdmin = platform.accounts().of("unitadmin", "AHCZ");
        Browser.loginAdmin(browser, platform, unitAdmin.login(), unitAdmin.secret());
        Browser.waitForUrl(browser, "/admin");
        browser.get(platform.url("/admin/filings/" + filing + "/certificates/" + id));
        browser.findElement(By.cssSelector("#correction-request summary")).click();
        WebElement employer = browser.findElement(By.id("correction-employer"));
        employer.clear();
        employer.sendKeys("安徽省测试会计师事务所");
        new Select(browser.findElement(By.id("correction-reason"))).selectByValue("EMPLOYER");
        browser.findElement(By.id("correction-detail")).sendKeys("单位名称录入有误");
        browser.findElement(By.id("correction-evidence")).sendKeys(notPdf.toString());
        Browser.clickAndConfirm(browser, By.id("correction-submit"));
        // refused: the form comes back with the entries and the reason in Chinese
        assertThat(browser.findElement(By.id("correction-errors")).getText()).isEqualTo("证明材料必须是 PDF 文件");
        assertThat(browser.findElement(By.id("correction-employer")).getAttribute("value"))
                .isEqualTo("安徽省测试会计师事务所");
        assertThat(browser.findElement(By.id("correction-detail")).getAttribute("value")).isEqualTo("单位名称录入有误");
        scrollTo("corrections");
        Browser.screenshot(browser, "correction-refused");
        browser.findElement(By.id("correction-evidence")).sendKeys(evidence.toString());
        scrollTo("corrections");
        Browser.screenshot(browser, "correction-form");
        Browser.clickAndConfirm(browser, By.id("correction-submit"));
        Browser.waitForUrl(browser, "notice=correction-requested");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("更正申请已提交，待主管部门审核");
        assertThat(browser.findElement(By.id("correction-list")).getText())
                .contains("工作单位有误", "安徽省测试会计师事务所", "待审核");
        assertThat(browser.findElement(By.id("correction-pending")).getText()).isEqualTo("已有更正申请待主管部门审核。");
        scrollTo("corrections");
        Browser.screenshot(browser, "correction-requested");
        assertThat(Browser.consoleErrors(browser, "corrections")).isEmpty();
        browser.quit();

        browser = Browser.start();
        DemoAccounts.Account admin = platform.accounts().first("sysadmin");
        Browser.loginAdmin(browser, platform, admin.login(), admin.secret());
        Browser.waitForUrl(browser, "/admin");
        browser.findElement(By.id("menu-corrections")).click();
        Browser.waitForUrl(browser, "/admin/corrections");
        WebElement row = browser.findElements(By.cssSelector("#corrections tbody tr")).stream()
                .filter(r -> r.getText().contains(cert.get("certificateNumber").asText())).findFirst().orElseThrow();
        assertThat(row.getText()).contains("工作单位有误", "安徽省测试会计师事务所", "待审核");
        Browser.screenshot(browser, "correction-review-list");
        row.findElement(By.cssSelector(".correction-open")).click();
        Browser.waitForUrl(browser, "/admin/corrections/");
        assertThat(browser.findElement(By.id("correction-changes")).getText())
                .contains("工作单位", "安徽省测试会计师事务所");
        Browser.screenshot(browser, "correction-review");
        browser.findElement(By.id("approve-note")).sendKeys("已核对");
        Browser.clickAndConfirm(browser, By.id("approve-correction"));
        Browser.waitForUrl(browser, "notice=correction-approved");
        assertThat(browser.findElement(By.id("correction-status")).getText()).isEqualTo("已通过");
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        JsonNode now = TestFixtures.settledCertificates(system, filing, 1).get(0);
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(Pdfs.text(system.get("/api/v1/certificates/" + id + "/pdf").bytes()))
                .contains("安徽省测试会计师事务所");
        browser.get(now.get("verificationUrl").asText().replaceFirst("^https?://[^/]+", platform.url("")));
        assertThat(browser.findElement(By.id("version-history")).getText())
                .contains("版本 2，因“工作单位有误”更正", "（当前版本）");
        Path old = Files.createTempFile("old-certificate", ".pdf");
        Files.write(old, oldPdf);
        browser.findElement(By.id("check-file")).sendKeys(old.toString());
        browser.findElement(By.id("check-submit")).click();
        assertThat(browser.findElement(By.id("check-result")).getText())
                .startsWith("此文件为旧版本（已更正），当前版本为第 2 版");
        Browser.screenshot(browser, "correction-old-pdf-check");
    }

    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id(id)));
    }

    private Api unitAdmin(String unit) {
        DemoAccounts.Account a = platform.accounts().of("unitadmin", unit);
        return platform.api().login("admin", a.login(), a.secret());
    }

    private static Api.Response request(Api who, long certificate, Map<String, String> fields) {
        return who.post("/api/v1/certificates/" + certificate + "/corrections", fields);
    }

    private static Api.Response evidence(Api who, long correction, byte[] pdf) {
        return who.putBytes("/api/v1/corrections/" + correction + "/evidence?filename="
                + java.net.URLEncoder.encode("身份证复印件.pdf", java.nio.charset.StandardCharsets.UTF_8), "application/pdf", pdf);
    }

    private static List<Long> ids(Api.Response page) {
        List<Long> out = new java.util.ArrayList<>();
        page.json().get("items").forEach(c -> out.add(c.get("id").asLong()));
        return out;
    }

    private static String token(JsonNode certificate) {
        String url = certificate.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
