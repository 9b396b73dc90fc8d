package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The filing registry over REST: filters, paging, roster import, the approval document and the approve rule. */
class FilingApiIT {

    private static final Api api = Platform.shared().system();
    private static final String TAG = "筛选" + UUID.randomUUID().toString().substring(0, 6);
    /** The name shared by the seven seeded filings, and by no filing the other tests create. */
    private static final String SEED = TAG + "职称评审";

    /** Seven filings tagged for this class: years 2018-2020, two types; one approved, one rejected. */
    @BeforeAll
    static void seed() {
        int[] years = {2018, 2018, 2019, 2019, 2019, 2020, 2020};
        String[] types = {"REVIEW", "EXAM", "REVIEW", "REVIEW", "RECOGNITION", "EXAM", "REVIEW"};
        for (int i = 0; i < years.length; i++) {
            TestFixtures.filing(api, SEED + i, years[i], types[i]);
        }
        long approved = ids("name=" + SEED + "&year=2020&type=EXAM").get(0);
        importCsv(approved, TestFixtures.roster(3)).status();
        api.putBytes("/api/v1/filings/" + approved + "/approval-document", "application/pdf", TestFixtures.pdf());
        assertThat(api.post("/api/v1/filings/" + approved + "/approve", "").status()).isEqualTo(200);
        long rejected = ids("name=" + SEED + "&year=2019&type=RECOGNITION").get(0);
        assertThat(api.post("/api/v1/filings/" + rejected + "/reject", Map.of("reason", "材料不全")).status())
                .isEqualTo(200);
        assertThat(list("name=" + SEED + "&size=50").get("items")).hasSize(7);
    }

    private static JsonNode list(String query) {
        Api.Response r = api.get("/api/v1/filings?" + encode(query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        list(query).get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    private static String encode(String query) {
        StringBuilder sb = new StringBuilder();
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            sb.append(sb.length() == 0 ? "" : "&").append(p[0]).append('=')
                    .append(java.net.URLEncoder.encode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static Api.Response importCsv(long id, String csv) {
        return api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFilterNarrowsTheList() {
        assertThat(list("name=" + SEED).get("total").asInt()).isEqualTo(7);
        assertThat(list("name=" + SEED + "&year=2019").get("total").asInt()).isEqualTo(3);
        assertThat(list("name=" + SEED + "&type=EXAM").get("total").asInt()).isEqualTo(2);
        assertThat(list("name=" + SEED + "&status=APPROVED").get("total").asInt()).isEqualTo(1);
        assertThat(list("name=" + SEED + "&status=REJECTED").get("total").asInt()).isEqualTo(1);
        assertThat(list("name=" + SEED + "&status=PENDING").get("total").asInt()).isEqualTo(5);
        assertThat(list("name=" + SEED + "&year=2018&type=REVIEW").get("total").asInt()).isEqualTo(1);
        JsonNode one = list("name=" + SEED + "3").get("items");
        assertThat(one).hasSize(1);
        String number = one.get(0).get("approvalNumber").asText();
        JsonNode byNumber = list("approvalNumber=" + number.substring(2, number.length() - 1));
        assertThat(byNumber.get("total").asInt()).isEqualTo(1);
        assertThat(byNumber.at("/items/0/name").asText()).isEqualTo(TAG + "职称评审3");
    }

    @Test
    void listItemsCarryTheFieldsTheIssueNames() {
        JsonNode item = list("name=" + SEED + "&status=APPROVED").at("/items/0");
        for (String field : List.of("id", "name", "approvalNumber", "year", "type", "status", "unit", "committee",
                "issuingAuthority")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.at("/unit/code").asText()).isEqualTo("AHCZ");
        assertThat(item.at("/committee/name").asText()).isEqualTo("安徽省会计系列高级专业技术资格评审委员会");
        assertThat(item.get("rosterSize").asInt()).isEqualTo(3);
    }

    @Test
    void pagesThroughInStableOrder() {
        JsonNode p1 = list("name=" + SEED + "&size=3&page=1&sort=name");
        JsonNode p3 = list("name=" + SEED + "&size=3&page=3&sort=name");
        assertThat(p1.get("total").asInt()).isEqualTo(7);
        assertThat(p1.get("page").asInt()).isEqualTo(1);
        assertThat(p1.get("size").asInt()).isEqualTo(3);
        assertThat(p1.get("items")).hasSize(3);
        assertThat(p3.get("items")).hasSize(1);
        assertThat(p1.at("/items/0/name").asText()).isEqualTo(TAG + "职称评审0");
        assertThat(p3.at("/items/0/name").asText()).isEqualTo(TAG + "职称评审6");
        assertThat(list("name=" + SEED + "&size=3&page=9").get("items")).isEmpty();
        JsonNode desc = list("name=" + SEED + "&sort=-year");
        assertThat(desc.at("/items/0/year").asInt()).isEqualTo(2020);
    }

    @Test
    void badQueryParametersAnswer400WithAStableCode() {
        for (String q : List.of("year=abc", "type=PARTY", "status=DONE", "page=0", "size=1000", "sort=password")) {
            Api.Response r = api.get("/api/v1/filings?" + q);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.json().get("code").asText()).as(q).isIn("INVALID_PARAMETER", "INVALID_PAGE",
                    "INVALID_PAGE_SIZE", "INVALID_SORT");
            assertThat(r.json().get("message").asText()).as(q).isNotBlank();
        }
    }

    @Test
    void createValidatesFieldsAndRefusesADuplicateApprovalNumber() {
        Api.Response bad = api.post("/api/v1/filings", Map.of("name", "", "year", 1900));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("FILING_INVALID");
        assertThat(bad.json().get("errors").findValuesAsText("column"))
                .contains("name", "approvalNumber", "year", "type", "committeeId", "issuingAuthorityId");

        JsonNode f = TestFixtures.filing(api, TAG + "重复文号", 2020, "REVIEW");
        Api.Response dup = api.post("/api/v1/filings", Map.of("name", "另一个", "approvalNumber",
                f.get("approvalNumber").asText(), "year", 2020, "type", "REVIEW",
                "committeeId", f.at("/committee/id").asLong(), "issuingAuthorityId",
                f.at("/issuingAuthority/id").asLong()));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().at("/errors/0/reason").asText()).isEqualTo("该批复文号已登记");

        Api.Response unknown = api.post("/api/v1/filings", "{\"name\":\"x\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void updateChangesAPendingFiling() {
        JsonNode f = TestFixtures.filing(api, TAG + "待修改", 2020, "REVIEW");
        long id = f.get("id").asLong();
        Api.Response r = api.put("/api/v1/filings/" + id, Map.of("name", TAG + "已修改", "approvalNumber",
                f.get("approvalNumber").asText(), "year", 2019, "type", "EXAM",
                "committeeId", f.at("/committee/id").asLong(), "issuingAuthorityId",
                f.at("/issuingAuthority/id").asLong()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/filings/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo(TAG + "已修改");
        assertThat(after.get("year").asInt()).isEqualTo(2019);
        assertThat(after.get("type").asText()).isEqualTo("EXAM");
        assertThat(api.get("/api/v1/filings/99999999").json().get("code").asText()).isEqualTo("FILING_NOT_FOUND");
    }

    @Test
    void importReportsEveryBadRowAndStoresNothing() {
        long id = TestFixtures.filing(api, TAG + "导入校验", 2020, "REVIEW").get("id").asLong();
        String csv = TestFixtures.HEADER + TestFixtures.rows(2, 100).get(0)
                + "张三,110105194912310021,女,1949-12-31,某单位,会计人员,会计,会计师,中级,2021-12-20\n"
                + "李四,11010519491231002X,男,1949-12-31,某单位,会计人员,会计,会计师,特级,2021-12-20\n"
                + TestFixtures.rows(2, 100).get(0);
        Api.Response r = importCsv(id, csv);
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.get("code").asText()).isEqualTo("ROSTER_INVALID");
        assertThat(body.get("message").asText()).contains("未导入任何数据");
        List<String> errors = new ArrayList<>();
        body.get("errors").forEach(e -> errors.add(e.get("row").asInt() + "/" + e.get("column").asText() + "/"
                + e.get("reason").asText()));
        assertThat(errors).contains("3/身份证号码/身份证号码校验位错误", "4/性别/性别与身份证号码不一致（身份证号码为女性）",
                "4/职称级别/职称级别应为 初级、中级、副高级、正高级 之一", "5/身份证号码/与第 2 行身份证号码重复");
        assertThat(api.get("/api/v1/filings/" + id + "/roster").json().get("total").asInt()).isZero();
    }

    @Test
    void importIsIdempotentAndMergesOrReplaces() {
        long id = TestFixtures.filing(api, TAG + "幂等导入", 2020, "REVIEW").get("id").asLong();
        String csv = TestFixtures.HEADER + String.join("", TestFixtures.rows(5, 200));
        JsonNode first = importCsv(id, csv).json();
        assertThat(first.get("inserted").asInt()).isEqualTo(5);
        String updatedAt = api.get("/api/v1/filings/" + id).json().get("updatedAt").asText();

        JsonNode again = importCsv(id, csv).json();
        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(5);
        assertThat(api.get("/api/v1/filings/" + id).json().get("updatedAt").asText()).isEqualTo(updatedAt);

        String changed = csv.replace("合肥市测试单位0", "芜湖市新单位");
        JsonNode merge = importCsv(id, changed).json();
        assertThat(merge.get("updated").asInt()).isEqualTo(1);

        String fewer = TestFixtures.HEADER + String.join("", TestFixtures.rows(3, 200));
        JsonNode replace = api.postBytes("/api/v1/filings/" + id + "/roster?mode=REPLACE", "text/csv",
                fewer.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(replace.get("removed").asInt()).isEqualTo(2);
        JsonNode roster = api.get("/api/v1/filings/" + id + "/roster?size=50").json();
        assertThat(roster.get("total").asInt()).isEqualTo(3);
        JsonNode e = roster.at("/items/0");
        for (String field : List.of("personId", "name", "idNumber", "series", "specialty", "titleName", "level",
                "employer", "qualificationDate")) {
            assertThat(e.has(field)).as(field).isTrue();
        }
    }

    @Test
    void importsGbkCsvAndXlsx() throws IOException {
        long id = TestFixtures.filing(api, TAG + "编码导入", 2020, "REVIEW").get("id").asLong();
        String csv = TestFixtures.HEADER + String.join("", TestFixtures.rows(2, 300));
        Api.Response gbk = api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv",
                csv.getBytes(Charset.forName("GBK")));
        assertThat(gbk.status()).as(gbk.body()).isEqualTo(200);
        assertThat(gbk.json().get("encoding").asText()).isEqualTo("GBK");
        assertThat(api.get("/api/v1/filings/" + id + "/roster").json().at("/items/0/employer").asText())
                .startsWith("合肥市测试单位");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("名单");
            String[] lines = (TestFixtures.HEADER + String.join("", TestFixtures.rows(4, 400))).split("\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(",");
                for (int c = 0; c < cells.length; c++) {
                    ws.value(r, c, cells[c]);
                }
            }
        }
        Api.Response xlsx = api.postBytes("/api/v1/filings/" + id + "/roster",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(xlsx.json().get("format").asText()).isEqualTo("XLSX");
        assertThat(xlsx.json().get("inserted").asInt()).isEqualTo(4);
    }

    @Test
    void approvalDocumentIsCheckedByContentAndSize() {
        long id = TestFixtures.filing(api, TAG + "批复文件", 2020, "REVIEW").get("id").asLong();
        String path = "/api/v1/filings/" + id + "/approval-document";
        Api.Response html = api.putBytes(path, "application/pdf", "<html><body>x</body></html>".getBytes());
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().get("code").asText()).isEqualTo("DOCUMENT_NOT_PDF");
        byte[] pdf = TestFixtures.pdf();
        Api.Response truncated = api.putBytes(path, "application/pdf", java.util.Arrays.copyOf(pdf, pdf.length / 2));
        assertThat(truncated.json().get("code").asText()).isEqualTo("DOCUMENT_TRUNCATED");
        Api.Response empty = api.putBytes(path, "application/pdf", new byte[0]);
        assertThat(empty.json().get("code").asText()).isEqualTo("DOCUMENT_EMPTY");
        byte[] huge = new byte[26 * 1024 * 1024];
        System.arraycopy(pdf, 0, huge, 0, pdf.length);
        Api.Response tooBig = api.putBytes(path, "application/pdf", huge);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(api.get(path).status()).isEqualTo(404);

        Api.Response ok = api.putBytes(path + "?filename=" + java.net.URLEncoder.encode("批复.pdf",
                StandardCharsets.UTF_8), "application/pdf", pdf);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("size").asInt()).isEqualTo(pdf.length);
        Api.Response back = api.get(path);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.contentType()).isEqualTo("application/pdf");
        assertThat(back.bytes()).isEqualTo(pdf);
        assertThat(back.header("Content-Disposition")).startsWith("inline;").contains("filename*=UTF-8''%E6%89%B9");
        assertThat(back.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void onlyAFilingWithAnApprovalDocumentAndARosterCanBeApprovedAndThenItIsReadOnly() {
        long id = TestFixtures.filing(api, TAG + "审核规则", 2020, "REVIEW").get("id").asLong();
        String base = "/api/v1/filings/" + id;
        Api.Response noDoc = api.post(base + "/approve", "");
        assertThat(noDoc.status()).isEqualTo(400);
        assertThat(noDoc.json().get("code").asText()).isEqualTo("APPROVAL_DOCUMENT_REQUIRED");
        api.putBytes(base + "/approval-document", "application/pdf", TestFixtures.pdf());
        assertThat(api.post(base + "/approve", "").json().get("code").asText()).isEqualTo("ROSTER_EMPTY");
        importCsv(id, TestFixtures.HEADER + String.join("", TestFixtures.rows(2, 500)));

        Api.Response approved = api.post(base + "/approve", "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedAt").asText()).isNotBlank();

        for (Api.Response r : List.of(api.post(base + "/approve", ""),
                api.post(base + "/reject", Map.of("reason", "x")),
                importCsv(id, TestFixtures.roster(1)),
                api.putBytes(base + "/approval-document", "application/pdf", TestFixtures.pdf()),
                api.put(base, Map.of("name", "x", "approvalNumber", "y", "year", 2020, "type", "REVIEW",
                        "committeeId", 1, "issuingAuthorityId", 1)))) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("code").asText()).isEqualTo("FILING_READ_ONLY");
        }
    }

    @Test
    void rejectionNeedsAReasonAndIsFinal() {
        long id = TestFixtures.filing(api, TAG + "驳回", 2020, "REVIEW").get("id").asLong();
        Api.Response noReason = api.post("/api/v1/filings/" + id + "/reject", Map.of("reason", " "));
        assertThat(noReason.json().get("code").asText()).isEqualTo("REASON_REQUIRED");
        JsonNode rejected = api.post("/api/v1/filings/" + id + "/reject", Map.of("reason", "材料不全")).json();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionNote").asText()).isEqualTo("材料不全");
        assertThat(api.post("/api/v1/filings/" + id + "/approve", "").status()).isEqualTo(409);
    }

    @Test
    void demoDataIsThere() {
        JsonNode all = list("size=100");
        assertThat(api.get("/api/v1/units").json().size()).isGreaterThanOrEqualTo(2);
        long demo = 0;
        for (JsonNode f : all.get("items")) {
            if (f.at("/approvalNumber").asText().matches("(皖职改办|合职改)〔20\\d\\d〕\\d+号")) {
                demo++;
            }
        }
        assertThat(demo).isEqualTo(6);
        JsonNode approved2021 = list("approvalNumber=皖职改办〔2021〕12号").at("/items/0");
        assertThat(approved2021.get("status").asText()).isEqualTo("APPROVED");
        JsonNode roster = api.get("/api/v1/filings/" + approved2021.get("id").asLong() + "/roster?size=100").json();
        assertThat(roster.get("total").asInt()).isEqualTo(16);
        roster.get("items").forEach(e -> assertThat(e.get("idNumber").asText()).matches("34\\d{15}[\\dX]"));
        assertThat(LocalDate.parse(roster.at("/items/0/qualificationDate").asText())).isEqualTo("2021-12-20");
    }
}
