package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 批量核验: a verifier's rows (JSON, CSV, XLSX) and ZIPs of PDFs get the right verdict each — 一致, 不一致 with the
 * field, 已撤销, 已更正（旧版本）, 不存在 — and a 核验报告 whose own QR code verifies it at /r/{token}.
 */
class BatchVerificationIT {

    private static final int OFFSET = 96000;
    private static Platform platform;
    private static Api system;
    private static Api verifier;
    private static JsonNode valid;
    private static JsonNode revoked;
    private static JsonNode corrected;
    private static String[][] people;
    private static byte[] oldPdf;
    private static String newName;
    private WebDriver browser;

    @BeforeAll
    static void issued() {
        platform = Platform.shared();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
        long filing = TestFixtures.photographedFiling(system, system, "批量核验测试", 3, OFFSET, "AHKJGP", "AHRS");
        TestFixtures.approve(system, filing);
        List<JsonNode> issued = TestFixtures.settledCertificates(system, filing, 3);
        List<String> rows = TestFixtures.rows(3, OFFSET);
        people = rows.stream().map(r -> r.split(",")).toArray(String[][]::new);
        valid = of(issued, people[0][0]);
        revoked = of(issued, people[1][0]);
        corrected = of(issued, people[2][0]);
        assertThat(system.post("/api/v1/certificates/" + revoked.get("id").asLong() + "/revoke",
                Map.of("reason", "FRAUD", "note", "批量核验测试")).status()).isEqualTo(200);
        // a name corrected: the first PDF becomes an earlier version
        long id = corrected.get("id").asLong();
        oldPdf = system.get("/api/v1/certificates/" + id + "/pdf").bytes();
        newName = people[2][0].charAt(0) + "更正";
        Api.Response asked = system.post("/api/v1/certificates/" + id + "/corrections", Map.of("reason", "NAME",
                "name", newName, "detail", "名单录入错误"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long cid = asked.json().get("id").asLong();
        assertThat(system.putBytes("/api/v1/corrections/" + cid + "/evidence?filename=e.pdf", "application/pdf",
                TestFixtures.pdf()).status()).isEqualTo(200);
        assertThat(system.post("/api/v1/corrections/" + cid + "/approve", Map.of("note", "已核对")).status())
                .isEqualTo(200);
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            corrected = system.get("/api/v1/certificates/" + id).json();
        } while ((corrected.get("version").asInt() < 2 || !corrected.get("status").asText().equals("GENERATED"))
                && System.nanoTime() < deadline && pause());
        assertThat(corrected.get("version").asInt()).isEqualTo(2);
        DemoAccounts.Account v = platform.accounts().first("verifier");
        verifier = platform.api().login("verifier", v.login(), v.secret());
    }

    private static boolean pause() {
        Platform.sleep(300);
        return true;
    }

    private static JsonNode of(List<JsonNode> issued, String name) {
        return issued.stream().filter(c -> c.get("personName").asText().equals(name)).findFirst().orElseThrow();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Map<String, String> row(JsonNode cert, String name, String id) {
        Map<String, String> r = new HashMap<>(Map.of("certificateNumber", cert.get("certificateNumber").asText(),
                "name", name));
        if (id != null) {
            r.put("idNumber", id);
        }
        return r;
    }

    private static List<String> verdicts(JsonNode report) {
        List<String> v = new ArrayList<>();
        report.get("results").forEach(r -> v.add(r.get("verdict").asText()));
        return v;
    }

    @Test
    void everyRowGetsItsVerdictAndTheReportsOwnQrCodeVerifiesIt() throws Exception {
        String unknown = valid.get("certificateNumber").asText().replaceAll("\\d{5}$", "99999");
        List<Map<String, String>> rows = List.of(
                row(valid, people[0][0], people[0][1]),
                row(valid, people[0][0], people[1][1]),
                row(valid, people[0][0] + "某", people[0][1].toLowerCase()),
                row(revoked, people[1][0], people[1][1]),
                row(corrected, newName, people[2][1]),
                row(corrected, people[2][0], people[2][1]),
                Map.of("certificateNumber", unknown, "name", people[0][0]),
                row(valid, " " + people[0][0] + " ", null));
        Api.Response made = verifier.post("/api/v1/verifications", Map.of("rows", rows));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode report = made.json();
        assertThat(made.header("Location")).endsWith("/api/v1/verifications/" + report.get("id").asLong());
        assertThat(verdicts(report)).containsExactly("MATCH", "MISMATCH", "MISMATCH", "REVOKED", "MATCH", "MISMATCH",
                "NOT_FOUND", "MATCH");
        assertThat(report.at("/results/1/mismatched").toString()).isEqualTo("[\"身份证号\"]");
        assertThat(report.at("/results/2/mismatched").toString()).isEqualTo("[\"姓名\"]");
        assertThat(report.at("/results/5/mismatched").toString()).as("the name before the correction")
                .isEqualTo("[\"姓名\"]");
        assertThat(report.at("/results/3/detail").asText()).contains("已撤销").contains("弄虚作假");
        assertThat(report.at("/results/0/maskedIdNumber").asText()).contains("*").isNotEqualTo(people[0][1]);
        assertThat(report.toString()).doesNotContain(people[0][1]);
        assertThat(report.at("/counts/MATCH").asInt()).isEqualTo(3);
        assertThat(report.at("/counts/MISMATCH").asInt()).isEqualTo(3);
        String number = report.get("reportNumber").asText();
        assertThat(number).matches("HY\\d{14}");
        long id = report.get("id").asLong();

        // the result as XLSX
        byte[] xlsx = verifier.get("/api/v1/verifications/" + id + "/xlsx").bytes();
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : (Iterable<Row>) wb.getFirstSheet().openStream()::iterator) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c == null ? "" : c.getText()));
                sheet.add(cells);
            }
        }
        assertThat(sheet.get(0).get(0)).contains(number);
        assertThat(sheet.get(1)).contains("核验结果", "证书编号");
        assertThat(sheet).hasSize(2 + rows.size());
        assertThat(sheet.get(3)).contains("不一致", "身份证号");
        assertThat(sheet.get(8)).contains("不存在");

        // the PDF 核验报告: its number, each verdict, and a QR code that opens /r/{token}
        byte[] pdf = verifier.get("/api/v1/verifications/" + id + "/pdf").bytes();
        Pdfs.save(pdf, "batch-report");
        String text = Pdfs.text(pdf);
        assertThat(text).contains("电子职称证书核验报告", number, "合肥演示人力资源服务有限公司", "已撤销", "不存在");
        String link = Pdfs.qr(pdf);
        assertThat(link).endsWith("/r/" + report.get("token").asText());
        Api anyone = platform.api();
        JsonNode shown = anyone.get("/api/v1/verify/reports/" + report.get("token").asText()).json();
        assertThat(shown.get("reportNumber").asText()).isEqualTo(number);
        assertThat(shown.at("/results/0/name").asText()).as("masked").startsWith(people[0][0].substring(0, 1))
                .contains("*").isNotEqualTo(people[0][0]);
        Api.Response page = anyone.send(anyone.request(java.net.URI.create(link).getPath()).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number).contains("核验报告真实有效").doesNotContain(people[0][0]);
        assertThat(anyone.get("/api/v1/verify/reports/AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);

        // the verifier's own; nobody else's
        assertThat(verifier.get("/api/v1/verifications").json().get("items").findValuesAsText("reportNumber"))
                .contains(number);
        DemoAccounts.Account person = platform.accounts().all("individual").get(1);
        Api individual = platform.api().login("individual", person.login(), person.secret());
        assertThat(individual.post("/api/v1/verifications", Map.of("rows", rows)).json().get("code").asText())
                .isEqualTo("VERIFIERS_ONLY");
        assertThat(system.get("/api/v1/verifications/" + id).status()).isEqualTo(403);
        assertThat(verifier.get("/api/v1/verifications/999999").status()).isEqualTo(404);
        // bad input says why and stores nothing
        long before = verifier.get("/api/v1/verifications").json().get("total").asLong();
        assertThat(verifier.post("/api/v1/verifications", Map.of("rows", List.of())).json().get("code").asText())
                .isEqualTo("BATCH_EMPTY");
        Api.Response noColumns = verifier.postBytes("/api/v1/verifications/files", "text/csv",
                "编号,名字\nX,Y\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(noColumns.json().get("code").asText()).isEqualTo("BATCH_COLUMNS");
        assertThat(verifier.get("/api/v1/verifications").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void anHrSystemChecksWithTheVerifiersOwnKeyAndNothingElse() {
        Api.Response made = verifier.post("/api/v1/verifier/api-keys", Map.of("label", "人事系统入职核验"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long keyId = made.json().get("id").asLong();
        Api hr = platform.api().withKey(made.json().get("secret").asText());
        JsonNode report = hr.post("/api/v1/verifications", Map.of("rows", List.of(row(valid, people[0][0],
                people[0][1])))).json();
        assertThat(verdicts(report)).containsExactly("MATCH");
        assertThat(hr.get("/api/v1/verifications/" + report.get("id").asLong()).status()).isEqualTo(200);
        // its checks are the API's, in the verifier's own list
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!verifier.get("/api/v1/verifier/checks?size=200").json().get("items").findValuesAsText("channel")
                .contains("API") && System.nanoTime() < deadline) {
            Platform.sleep(200);
        }
        assertThat(verifier.get("/api/v1/verifier/checks?size=200").json().get("items").findValuesAsText("channel"))
                .contains("API");
        // nothing else: no unit's records, no keys of its own making, and not in the system admin's key list
        assertThat(hr.get("/api/v1/filings").json().get("code").asText()).isEqualTo("VERIFIER_FORBIDDEN");
        assertThat(hr.post("/api/v1/verifier/api-keys", Map.of("label", "x")).json().get("code").asText())
                .isEqualTo("VERIFIERS_ONLY");
        assertThat(system.get("/api/v1/api-keys").json().findValuesAsText("id")).doesNotContain(String.valueOf(keyId));
        assertThat(verifier.get("/api/v1/verifier/api-keys").json().findValuesAsText("id")).contains(String.valueOf(keyId));
        assertThat(verifier.delete("/api/v1/verifier/api-keys/" + keyId).status()).isEqualTo(204);
        assertThat(hr.get("/api/v1/verifications").status()).as("revoked at once").isEqualTo(401);
    }

    @Test
    void aZipOfPdfsIsCheckedFileByFileByItsHash() throws Exception {
        byte[] current = system.get("/api/v1/certificates/" + valid.get("id").asLong() + "/pdf").bytes();
        byte[] forged = current.clone();
        forged[forged.length / 2] ^= 1;
        byte[] zip = zip(Map.of(
                "1-有效.pdf", current,
                "2-撤销.pdf", system.get("/api/v1/certificates/" + revoked.get("id").asLong() + "/pdf").bytes(),
                "3-旧版本.pdf", oldPdf,
                "4-新版本.pdf", system.get("/api/v1/certificates/" + corrected.get("id").asLong() + "/pdf").bytes(),
                "5-伪造.pdf", forged,
                "6-说明.txt", "不是证书".getBytes(StandardCharsets.UTF_8)));
        Api.Response made = verifier.postBytes("/api/v1/verifications/files", "application/zip", zip);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        Map<String, JsonNode> bySource = new HashMap<>();
        made.json().get("results").forEach(r -> bySource.put(r.get("source").asText(), r));
        assertThat(bySource.get("1-有效.pdf").get("verdict").asText()).isEqualTo("MATCH");
        assertThat(bySource.get("1-有效.pdf").get("certificateNumber").asText())
                .isEqualTo(valid.get("certificateNumber").asText());
        assertThat(bySource.get("2-撤销.pdf").get("verdict").asText()).isEqualTo("REVOKED");
        assertThat(bySource.get("3-旧版本.pdf").get("verdict").asText()).isEqualTo("SUPERSEDED");
        assertThat(bySource.get("3-旧版本.pdf").get("detail").asText()).contains("第 1 版").contains("已更正")
                .contains("第 2 版");
        assertThat(bySource.get("4-新版本.pdf").get("verdict").asText()).isEqualTo("MATCH");
        assertThat(bySource.get("5-伪造.pdf").get("verdict").asText()).isEqualTo("NOT_FOUND");
        assertThat(bySource.get("6-说明.txt").get("detail").asText()).contains("不是 PDF");

        // an XLSX list, as HR departments keep them
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "HR", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("新员工");
        String[][] cells = {{"姓名", "身份证号", "证书编号"}, {people[0][0], people[0][1], valid.get("certificateNumber")
                .asText()}, {people[1][0], people[1][1], revoked.get("certificateNumber").asText()}};
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < 3; c++) {
                ws.value(r, c, cells[r][c]);
            }
        }
        wb.finish();
        JsonNode fromXlsx = verifier.postBytes("/api/v1/verifications/files",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray()).json();
        assertThat(verdicts(fromXlsx)).containsExactly("MATCH", "REVOKED");
        assertThat(fromXlsx.at("/results/0/row").asInt()).as("as the spreadsheet numbers it").isEqualTo(2);
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aVerifierUploadsACsvInTheBrowserAndDownloadsTheReport() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("核验名单", ".csv");
        java.nio.file.Files.writeString(csv, "证书编号,姓名,身份证号\n" + valid.get("certificateNumber").asText() + ","
                + people[0][0] + "," + people[0][1] + "\nXX000,查无此人,\n", StandardCharsets.UTF_8);
        browser = Browser.start();
        DemoAccounts.Account v = platform.accounts().first("verifier");
        browser.get(platform.url("/verifier/login"));
        browser.findElement(By.id("account")).sendKeys(v.login());
        browser.findElement(By.id("password")).sendKeys(v.secret());
        browser.findElement(By.id("captcha")).sendKeys(Browser.captchaAnswer(browser));
        browser.findElement(By.id("submit")).click();
        Browser.waitForUrl(browser, "/verifier");
        browser.findElement(By.id("batch-file")).sendKeys(csv.toString());
        browser.findElement(By.id("batch-submit")).click();
        Browser.waitForUrl(browser, "/verifier/batches/");
        assertThat(browser.findElement(By.id("batch-counts")).getText()).contains("一致 1").contains("不存在 1");
        assertThat(browser.findElements(By.cssSelector("#batch-rows tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#batch-rows tbody tr")).getAttribute("data-verdict"))
                .isEqualTo("MATCH");
        Browser.screenshot(browser, "verifier-batch-report");
        String pdfLink = browser.findElement(By.id("download-pdf")).getAttribute("href");
        Api session = platform.api().withSession(browser.manage().getCookieNamed("TCSESSION").getValue(), "x");
        byte[] pdf = session.get(java.net.URI.create(pdfLink).getPath()).bytes();
        assertThat(Pdfs.text(pdf)).contains("电子职称证书核验报告");
        browser.get(Pdfs.qr(pdf));
        assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("核验报告真实有效");
        Browser.screenshot(browser, "public-report");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        java.nio.file.Files.delete(csv);
    }
}
