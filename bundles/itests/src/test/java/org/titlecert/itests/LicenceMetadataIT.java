package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The 电子证照 metadata (GB/T 36903) in a certificate's XMP: every field in the standard's order, the holder's
 * ID number masked, and the issuing authority's 统一社会信用代码, which a system admin gives over REST or on the
 * 电子印章 page and the next version of a certificate carries.
 */
class LicenceMetadataIT {

    private static final String NS = "urn:titlecert:dzzz/";
    /** The demo data's made-up code for 合肥市人力资源和社会保障局 (HFRSJ). */
    private static final String HEFEI = "11340100TC0000002U";

    private static Platform platform;
    private static Api system;
    private static long hefei;

    @BeforeAll
    static void platform() {
        platform = Platform.shared();
        system = platform.system();
        hefei = TestFixtures.authority(system, "HFRSJ");
    }

    @AfterAll
    static void restore() {
        system.put("/api/v1/issuing-authorities/" + hefei, Map.of("name", "合肥市人力资源和社会保障局", "creditCode", HEFEI));
    }

    @Test
    void aDemoCertificateCarriesEveryFieldInTheStandardsOrderWithTheNumberMasked() {
        JsonNode cert = certificate("皖职改办〔2022〕9号");
        byte[] pdf = system.get("/api/v1/certificates/" + cert.get("id").asLong() + "/pdf").bytes();
        Map<String, String> fields = licence(pdf);
        assertThat(fields.keySet()).containsExactly("证照类型名称", "证照编号", "持证主体", "持证主体代码", "持证主体代码类型",
                "发证机构", "发证机构代码", "颁证日期", "有效期");
        assertThat(fields).containsEntry("证照类型名称", "专业技术资格证书")
                .containsEntry("证照编号", cert.get("certificateNumber").asText())
                .containsEntry("持证主体", cert.get("personName").asText())
                .containsEntry("持证主体代码类型", "公民身份号码（部分隐藏）")
                .containsEntry("发证机构", "安徽省人力资源和社会保障厅")
                .containsEntry("发证机构代码", "11340000TC0000001K")
                .containsEntry("颁证日期", system.get("/api/v1/filings/" + cert.get("filingId").asLong()).json()
                        .get("approvalDate").asText())
                .containsEntry("有效期", "长期");
        String id = idNumber(pdf);
        assertThat(fields.get("持证主体代码")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(Pdfs.xmp(pdf)).as("the full number is nowhere in the metadata").doesNotContain(id);
    }

    @Test
    void aSystemAdminGivesTheCreditCodeOverRestAndTheNextVersionCarriesIt() {
        Api.Response unit = platform.api().withKey(platform.accounts().of("unitapi", "HFRS").secret())
                .put("/api/v1/issuing-authorities/" + hefei, Map.of("name", "合肥市人力资源和社会保障局",
                        "creditCode", "11340100TC0000003Y"));
        assertThat(unit.status()).isEqualTo(403);
        Api.Response wrong = system.put("/api/v1/issuing-authorities/" + hefei,
                Map.of("name", "合肥市人力资源和社会保障局", "creditCode", "11340100TC0000003A"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(wrong.json().get("message").asText()).isEqualTo("统一社会信用代码校验位不正确，请核对");

        Api.Response set = system.put("/api/v1/issuing-authorities/" + hefei,
                Map.of("name", "合肥市人力资源和社会保障局", "creditCode", " 11340100tc0000003y "));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("creditCode").asText()).as("stored as written in capitals").isEqualTo("11340100TC0000003Y");
        assertThat(system.get("/api/v1/issuing-authorities").json().findValues("creditCode"))
                .extracting(JsonNode::asText).contains("11340100TC0000003Y", "11340000TC0000001K");
        assertThat(system.get("/api/v1/audit?action=AUTHORITY_UPDATE").json().get("items"))
                .anySatisfy(e -> assertThat(e.get("target").asText()).isEqualTo("HFRSJ"));

        JsonNode cert = certificate("合职改〔2021〕156号");
        long id = cert.get("id").asLong();
        assertThat(licence(system.get("/api/v1/certificates/" + id + "/pdf").bytes()))
                .as("issued before: keeps what it was issued with").containsEntry("发证机构代码", HEFEI);
        assertThat(system.post("/api/v1/certificates/" + id + "/regenerate", "").status()).isEqualTo(200);
        JsonNode now = regenerated(id, cert.get("version").asInt());
        assertThat(licence(system.get("/api/v1/certificates/" + id + "/pdf").bytes()))
                .as("version " + now.get("version")).containsEntry("发证机构代码", "11340100TC0000003Y")
                .containsEntry("发证机构", "合肥市人力资源和社会保障局");
    }

    @Test
    void aSystemAdminCorrectsTheCodeOnTheSealsPageAndAWrongOneIsRefusedInChinese() throws Exception {
        WebDriver browser = Browser.start();
        try {
            DemoAccounts.Account admin = platform.accounts().first("sysadmin");
            Browser.loginAdmin(browser, platform, admin.login(), admin.secret());
            Browser.waitForUrl(browser, "/admin");
            browser.get(platform.url("/admin/seals"));
            WebElement input = browser.findElement(By.cssSelector("tr[data-code=HFRSJ] input.credit-code"));
            input.clear();
            input.sendKeys("11340100TC0000004A");
            browser.findElement(By.cssSelector("tr[data-code=HFRSJ] .credit-code-form button")).click();
            assertThat(Browser.waitForText(browser, By.cssSelector("tr[data-code=HFRSJ] .field-error"), "校验位"))
                    .isEqualTo("统一社会信用代码校验位不正确，请核对");
            assertThat(browser.findElement(By.cssSelector("tr[data-code=HFRSJ] input.credit-code")).getAttribute("value"))
                    .as("what was entered comes back").isEqualTo("11340100TC0000004A");
            assertThat(browser.findElement(By.cssSelector("tr[data-code=AHRS] input.credit-code")).getAttribute("value"))
                    .isEqualTo("11340000TC0000001K");
            Browser.screenshot(browser, "seals-credit-code-refused");
            assertThat(system.get("/api/v1/issuing-authorities").json().findValues("creditCode"))
                    .extracting(JsonNode::asText).doesNotContain("11340100TC0000004A");

            input = browser.findElement(By.cssSelector("tr[data-code=HFRSJ] input.credit-code"));
            input.clear();
            input.sendKeys(HEFEI);
            browser.findElement(By.cssSelector("tr[data-code=HFRSJ] .credit-code-form button")).click();
            Browser.waitForUrl(browser, "notice=credit-code-saved");
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("统一社会信用代码已保存，此后生成的证书将在电子证照元数据中载明");
            assertThat(browser.findElement(By.cssSelector("tr[data-code=HFRSJ] input.credit-code")).getAttribute("value"))
                    .isEqualTo(HEFEI);
            Browser.screenshot(browser, "seals-credit-code");
            // the refused form came back as 400, which the console notes
            assertThat(Browser.consoleErrors(browser, "/admin/seals - Failed to load resource: the server responded "
                    + "with a status of 400")).isEmpty();
        } finally {
            browser.quit();
        }
        assertThat(system.get("/api/v1/issuing-authorities").json().findValues("creditCode"))
                .extracting(JsonNode::asText).contains(HEFEI);
    }

    private static JsonNode certificate(String approvalNumber) {
        long filing = system.get("/api/v1/filings?approvalNumber=" + URLEncoder.encode(approvalNumber,
                StandardCharsets.UTF_8)).json().at("/items/0/id").asLong();
        List<JsonNode> certs = TestFixtures.settledCertificates(system, filing,
                system.get("/api/v1/filings/" + filing + "/certificates?size=1").json().get("total").asInt());
        return certs.stream().filter(c -> c.get("status").asText().equals("GENERATED")).findFirst().orElseThrow();
    }

    /** The holder's ID number as the certificate prints it: in full, the template's default. */
    private static String idNumber(byte[] pdf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])")
                .matcher(Pdfs.text(pdf));
        assertThat(m.find()).as("the printed ID number").isTrue();
        return m.group();
    }

    private static JsonNode regenerated(long id, int before) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode c = system.get("/api/v1/certificates/" + id).json();
            if (c.get("version").asInt() > before && c.get("status").asText().equals("GENERATED")) {
                return c;
            }
            assertThat(System.nanoTime()).as("regenerated within 60 s: " + c).isLessThan(deadline);
            Platform.sleep(100);
        }
    }

    /** The fields of the 电子证照 description in the PDF's XMP, in document order. */
    private static Map<String, String> licence(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            NodeList nodes = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                    doc.getDocumentCatalog().getMetadata().toByteArray())).getElementsByTagNameNS(NS, "*");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                fields.put(nodes.item(i).getLocalName(), nodes.item(i).getTextContent());
            }
            return fields;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
