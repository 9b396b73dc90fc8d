package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every role against every endpoint and page, with other units' and other people's ids. No caller
 * may get a 2xx it is not entitled to; every entitled caller gets through. Add a row per new endpoint.
 */
class AccessMatrixIT {

    enum Who { NONE, IND_A, IND_B, UNIT_A_KEY, UNIT_A_SESSION, UNIT_B_KEY, SYSTEM_KEY, SYSTEM_SESSION, VERIFIER, VERIFIER_KEY, VERIFIER_B }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    /** Individuals and admins; a verifier (查验单位) reaches only what is public and its own pages. */
    private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.NONE, Who.VERIFIER,
            Who.VERIFIER_KEY, Who.VERIFIER_B));
    /** The demo verifier's session, and the key it made for its HR system. */
    private static final Set<Who> VERIFIERS = EnumSet.of(Who.VERIFIER, Who.VERIFIER_KEY);
    /** Every verifier's own: the demo verifier's session and key, and another verifier (for whom {BV} is foreign). */
    private static final Set<Who> ANY_VERIFIER = EnumSet.of(Who.VERIFIER, Who.VERIFIER_KEY, Who.VERIFIER_B);
    private static final Set<Who> VERIFIER_SESSIONS = EnumSet.of(Who.VERIFIER, Who.VERIFIER_B);
    private static final Set<Who> SYSTEM = EnumSet.of(Who.SYSTEM_KEY, Who.SYSTEM_SESSION);
    private static final Set<Who> UNIT_A = EnumSet.of(Who.UNIT_A_KEY, Who.UNIT_A_SESSION, Who.SYSTEM_KEY, Who.SYSTEM_SESSION);
    private static final Set<Who> UNIT_B = EnumSet.of(Who.UNIT_B_KEY, Who.SYSTEM_KEY, Who.SYSTEM_SESSION);
    private static final Set<Who> ADMINS = EnumSet.of(Who.UNIT_A_KEY, Who.UNIT_A_SESSION, Who.UNIT_B_KEY,
            Who.SYSTEM_KEY, Who.SYSTEM_SESSION);
    private static final Set<Who> INDIVIDUALS = EnumSet.of(Who.IND_A, Who.IND_B);

    /** One endpoint or page; {@code {A}}, {@code {B}} and {@code {PA}} are replaced by ids. */
    record Row(String method, String path, String body, Set<Who> allowed, boolean page) {
    }

    private static final Map<Who, Api> callers = new EnumMap<>(Who.class);
    private static long filingA;
    private static long filingB;
    private static long pendingA;
    private static long certA;
    private static long certFilingA;
    private static long certB;
    /** Unit B's pending filing whose roster names IND_A, a person of unit A's approved filing. */
    private static long claim;
    private static String tokenA;
    private static long personA;
    private static long accountA;
    private static String idA;
    private static long titleA;
    /** Unit B's pending correction of its certificate CB. */
    private static long correctionB;
    /** IND_A's share code: only IND_A withdraws it. */
    private static long shareCodeA;
    /** The demo verifier's batch check of IND_A's certificate, and the token of its report's QR code. */
    private static long batchV;
    private static String reportTokenV;

    @BeforeAll
    static void callers() {
        Platform p = Platform.shared();
        DemoAccounts accounts = p.accounts();
        Api anon = p.api();
        callers.put(Who.NONE, anon);
        List<DemoAccounts.Account> individuals = accounts.all("individual");
        callers.put(Who.IND_A, anon.login("individual", individuals.get(0).login(), individuals.get(0).secret()));
        callers.put(Who.IND_B, anon.login("individual", individuals.get(2).login(), individuals.get(2).secret()));
        callers.put(Who.UNIT_A_KEY, anon.withKey(accounts.of("unitapi", "AHCZ").secret()));
        DemoAccounts.Account unitAdmin = accounts.of("unitadmin", "AHCZ");
        callers.put(Who.UNIT_A_SESSION, anon.login("admin", unitAdmin.login(), unitAdmin.secret()));
        callers.put(Who.UNIT_B_KEY, anon.withKey(accounts.of("unitapi", "HFRS").secret()));
        callers.put(Who.SYSTEM_KEY, p.system());
        DemoAccounts.Account sys = accounts.first("sysadmin");
        callers.put(Who.SYSTEM_SESSION, anon.login("admin", sys.login(), sys.secret()));
        DemoAccounts.Account verifier = accounts.first("verifier");
        callers.put(Who.VERIFIER, anon.login("verifier", verifier.login(), verifier.secret()));
        String code = VerifierIT.creditCode(86000);
        String[] captcha = anon.captcha();
        long otherVerifier = anon.post("/api/v1/verifiers", Map.of("name", "权限矩阵另一查验单位", "creditCode", code,
                "contactName", "李华", "contactMobile", "13800002222", "login", "matrix_hr", "password", "Juzhen2026hr",
                "captchaId", captcha[0], "captchaAnswer", captcha[1])).json().get("id").asLong();
        assertThat(p.system().post("/api/v1/verifiers/" + otherVerifier + "/approve", "").status()).isEqualTo(200);
        callers.put(Who.VERIFIER_B, anon.login("verifier", "matrix_hr", "Juzhen2026hr"));
        callers.put(Who.VERIFIER_KEY, anon.withKey(callers.get(Who.VERIFIER).post("/api/v1/verifier/api-keys",
                Map.of("label", "权限矩阵")).json().get("secret").asText()));
        // the demo seals reseal unit A's certificates a moment after start: A's must not change during the test
        TestFixtures.awaitDemoSeals(p.system());
        filingA = id(p.system(), "皖职改办〔2021〕12号");
        filingB = id(p.system(), "合职改〔2021〕156号");
        pendingA = TestFixtures.filing(p.system(), "权限矩阵待审核", 2020, "REVIEW").get("id").asLong();
        // IND_A's certificate, generated once they upload a photo; and a generated one of unit B
        Api indA = callers.get(Who.IND_A);
        indA.putBytes("/api/v1/me/photo", "image/jpeg", CertificateApiIT.photo(java.awt.Color.GRAY));
        JsonNode mine = indA.get("/api/v1/me/certificates").json().get(0);
        certA = mine.get("id").asLong();
        certFilingA = mine.get("filingId").asLong();
        String url = TestFixtures.settledCertificates(p.system(), certFilingA,
                p.system().get("/api/v1/filings/" + certFilingA).json().get("rosterSize").asInt()).stream()
                .filter(c -> c.get("id").asLong() == certA).findFirst().orElseThrow().get("verificationUrl").asText();
        tokenA = url.substring(url.lastIndexOf('/') + 1);
        certB = p.system().get("/api/v1/filings/" + filingB + "/certificates?status=GENERATED&size=1").json()
                .at("/items/0/id").asLong();
        personA = indA.get("/api/v1/me").json().get("personId").asLong();
        shareCodeA = indA.post("/api/v1/me/share-codes", Map.of("days", 1)).json().at("/shareCode/id").asLong();
        assertThat(shareCodeA).as("IND_A's share code").isPositive();
        String principal = indA.get("/api/v1/me").json().get("principal").asText();
        accountA = Long.parseLong(principal.substring(principal.indexOf(':') + 1));
        titleA = indA.get("/api/v1/me/titles").json().get(0).get("rosterEntryId").asLong();
        JsonNode batch = callers.get(Who.VERIFIER).post("/api/v1/verifications", Map.of("rows", List.of(Map.of(
                "certificateNumber", p.system().get("/api/v1/certificates/" + certA).json().get("certificateNumber")
                        .asText(), "name", "某某")))).json();
        batchV = batch.get("id").asLong();
        reportTokenV = batch.get("token").asText();
        // the review's trick: unit B puts IND_A, a person of unit A's approved filing, on a pending roster of its own
        Api unitB = callers.get(Who.UNIT_B_KEY);
        claim = TestFixtures.filing(unitB, "权限矩阵·乙单位认领", 2021, "REVIEW", "HFGCZP", "HFRSJ").get("id").asLong();
        idA = individuals.get(0).scope();
        String row = String.join(",", "冒认", idA, (idA.charAt(16) - '0') % 2 == 1 ? "男" : "女",
                idA.substring(6, 10) + "-" + idA.substring(10, 12) + "-" + idA.substring(12, 14), "合肥", "工程", "土木工程",
                "工程师", "中级", "2021-12-20");
        Api.Response imported = unitB.postBytes("/api/v1/filings/" + claim + "/roster", "text/csv",
                (TestFixtures.HEADER + row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(TestFixtures.personIds(unitB, claim).values()).as(imported.body()).containsExactly(personA);
        String nameB = p.system().get("/api/v1/certificates/" + certB).json().get("personName").asText();
        Api.Response asked = unitB.post("/api/v1/certificates/" + certB + "/corrections",
                Map.of("reason", "NAME", "name", nameB + "某"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        correctionB = asked.json().get("id").asLong();
        assertThat(unitB.putBytes("/api/v1/corrections/" + correctionB + "/evidence", "application/pdf",
                TestFixtures.pdf()).status()).isEqualTo(200);
    }

    private static long id(Api api, String approvalNumber) {
        return api.get("/api/v1/filings?approvalNumber=" + java.net.URLEncoder.encode(approvalNumber,
                java.nio.charset.StandardCharsets.UTF_8)).json().at("/items/0/id").asLong();
    }

    private static Set<Who> plus(Set<Who> set, Who who) {
        Set<Who> s = EnumSet.copyOf(set);
        s.add(who);
        return s;
    }

    static List<Row> rows() {
        String csv = TestFixtures.roster(1);
        return List.of(
                new Row("GET", "/api/v1/health", null, EVERYONE, false),
                new Row("GET", "/api/health/live", null, EVERYONE, false),
                new Row("GET", "/api/health/ready", null, EVERYONE, false),
                new Row("GET", "/api/v1/openapi.json", null, EVERYONE, false),
                new Row("GET", "/api/v1/captcha", null, EVERYONE, false),
                new Row("GET", "/api/v1/me", null, plus(plus(plus(SIGNED_IN, Who.VERIFIER), Who.VERIFIER_KEY), Who.VERIFIER_B), false),
                // sessions only; no current password: 400, nothing changes
                new Row("POST", "/api/v1/me/password", "{}", EnumSet.of(Who.IND_A, Who.IND_B, Who.UNIT_A_SESSION,
                        Who.SYSTEM_SESSION, Who.VERIFIER, Who.VERIFIER_B), false),
                // 查验单位: anyone applies (this one is incomplete: 400); system admins decide (999999: 404)
                new Row("POST", "/api/v1/verifiers", "{}", EVERYONE, false),
                new Row("GET", "/api/v1/verifiers", null, SYSTEM, false),
                new Row("GET", "/api/v1/verifiers/999999", null, SYSTEM, false),
                new Row("POST", "/api/v1/verifiers/999999/approve", "", SYSTEM, false),
                new Row("POST", "/api/v1/verifiers/999999/reject", "{\"reason\":\"材料不符\"}", SYSTEM, false),
                new Row("GET", "/api/v1/verifier", null, ANY_VERIFIER, false),
                new Row("GET", "/api/v1/verifier/checks", null, ANY_VERIFIER, false),
                // 批量核验: a verifier's own (an empty list: 400; a roster without 证书编号: 400)
                new Row("POST", "/api/v1/verifications", "{\"rows\":[]}", ANY_VERIFIER, false),
                new Row("POST", "/api/v1/verifications/files", "csv:" + csv, ANY_VERIFIER, false),
                new Row("GET", "/api/v1/verifications", null, ANY_VERIFIER, false),
                // a verifier's keys are its signed-in account's to manage (an empty label: 400; 999999: 404)
                new Row("GET", "/api/v1/verifier/api-keys", null, VERIFIER_SESSIONS, false),
                new Row("POST", "/api/v1/verifier/api-keys", "{\"label\":\"\"}", VERIFIER_SESSIONS, false),
                new Row("DELETE", "/api/v1/verifier/api-keys/999999", null, VERIFIER_SESSIONS, false),
                new Row("POST", "/verifier/api-keys", "form:label=", VERIFIER_SESSIONS, true),
                new Row("POST", "/verifier/api-keys/999999/revoke", "form:", VERIFIER_SESSIONS, true),
                new Row("GET", "/api/v1/verifications/{BV}", null, VERIFIERS, false),
                new Row("GET", "/api/v1/verifications/{BV}/xlsx", null, VERIFIERS, false),
                new Row("GET", "/api/v1/verifications/{BV}/pdf", null, VERIFIERS, false),
                new Row("GET", "/api/v1/verify/reports/{RTV}", null, EVERYONE, false),
                new Row("GET", "/r/{RTV}", null, EVERYONE, true),
                new Row("GET", "/verifier/batches/{BV}", null, EnumSet.of(Who.VERIFIER), true),
                new Row("GET", "/verifier/batches/{BV}/pdf", null, EnumSet.of(Who.VERIFIER), true),
                new Row("GET", "/verifier/batches/{BV}/xlsx", null, EnumSet.of(Who.VERIFIER), true),
                new Row("POST", "/verifier/batches", "multipart:@file=pdf", VERIFIER_SESSIONS, true),
                new Row("GET", "/verifier", null, VERIFIER_SESSIONS, true),
                new Row("GET", "/verifier/password", null, VERIFIER_SESSIONS, true),
                new Row("POST", "/verifier/password", "form:currentPassword=", VERIFIER_SESSIONS, true),
                new Row("GET", "/verifier/login", null, EVERYONE, true),
                new Row("GET", "/verifier/register", null, EVERYONE, true),
                new Row("POST", "/verifier/register", "form:name=", EVERYONE, true),
                new Row("GET", "/admin/verifiers", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/verifiers/999999/approve", "form:", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/verifiers/999999/reject", "form:reason=材料不符", EnumSet.of(Who.SYSTEM_SESSION),
                        true),
                new Row("GET", "/api/v1/units", null, SIGNED_IN, false),
                new Row("GET", "/api/v1/committees", null, SIGNED_IN, false),
                new Row("GET", "/api/v1/issuing-authorities", null, SIGNED_IN, false),
                new Row("PUT", "/api/v1/issuing-authorities/999999", "{}", SYSTEM, false),
                new Row("GET", "/api/v1/filings", null, ADMINS, false),
                new Row("POST", "/api/v1/filings", "{}", ADMINS, false),
                new Row("GET", "/api/v1/filings/{A}", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{B}", null, UNIT_B, false),
                new Row("PUT", "/api/v1/filings/{B}", "{}", UNIT_B, false),
                new Row("GET", "/api/v1/filings/{A}/roster", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{B}/roster", null, UNIT_B, false),
                new Row("POST", "/api/v1/filings/{B}/roster", "csv:" + csv, UNIT_B, false),
                new Row("GET", "/api/v1/filings/{A}/approval-document", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{B}/approval-document", null, UNIT_B, false),
                new Row("PUT", "/api/v1/filings/{B}/approval-document", "pdf:", UNIT_B, false),
                new Row("POST", "/api/v1/filings/{PA}/approve", "", SYSTEM, false),
                new Row("POST", "/api/v1/filings/{PA}/reject", "{\"reason\":\"\"}", SYSTEM, false),
                new Row("GET", "/api/v1/admin-accounts", null, SYSTEM, false),
                new Row("POST", "/api/v1/admin-accounts", "{}", SYSTEM, false),
                new Row("POST", "/api/v1/admin-accounts/999999/disable", "", SYSTEM, false),
                new Row("GET", "/api/v1/api-keys", null, SYSTEM, false),
                new Row("POST", "/api/v1/api-keys", "{}", SYSTEM, false),
                new Row("DELETE", "/api/v1/api-keys/999999", null, SYSTEM, false),
                new Row("GET", "/api/v1/audit", null, SYSTEM, false),
                new Row("GET", "/api/v1/audit/export.csv", null, SYSTEM, false),
                // a system caller starts a backup (202), or finds one running or the database not embedded (409)
                new Row("POST", "/api/v1/backups", "", SYSTEM, false),
                new Row("GET", "/api/v1/backups", null, SYSTEM, false),
                new Row("GET", "/api/v1/backups/999999", null, SYSTEM, false),
                new Row("GET", "/api/v1/metrics", null, SYSTEM, false),
                new Row("GET", "/api/v1/metrics/dashboard", null, SYSTEM, false),
                new Row("GET", "/api/v1/individuals/pending", null, ADMINS, false),
                new Row("POST", "/api/v1/individuals/999999/confirm", "", ADMINS, false),
                // IND_A is confirmed already: nobody re-confirms them, least of all unit B through its pending claim
                new Row("POST", "/api/v1/individuals/{ACA}/confirm", "", UNIT_A, false),
                new Row("POST", "/api/v1/individuals/999999/reject", "{\"reason\":\"信息不符\"}", ADMINS, false),
                new Row("POST", "/api/v1/individuals/{ACA}/reject", "{\"reason\":\"信息不符\"}", UNIT_A, false),
                new Row("GET", "/api/v1/me/profile", null, INDIVIDUALS, false),
                new Row("GET", "/api/v1/me/titles", null, INDIVIDUALS, false),
                new Row("GET", "/api/v1/me/titles/{TIA}", null, EnumSet.of(Who.IND_A), false),
                new Row("GET", "/api/v1/me/photo", null, EnumSet.of(Who.IND_A), false),
                new Row("PUT", "/api/v1/me/photo", "jpeg:", INDIVIDUALS, false),
                new Row("GET", "/api/v1/persons/{PER}/titles", null, plus(UNIT_A, Who.IND_A), false),
                new Row("GET", "/api/v1/persons/{PER}/photo", null, plus(UNIT_A, Who.IND_A), false),
                new Row("PUT", "/api/v1/persons/{PER}/photo", "jpeg:", plus(UNIT_A, Who.IND_A), false),
                new Row("POST", "/api/v1/photo-imports", "zip:", ADMINS, false),
                new Row("POST", "/api/v1/admin-accounts/999999/enable", "", SYSTEM, false),
                new Row("POST", "/api/v1/admin-accounts/999999/reset-password", "", SYSTEM, false),
                new Row("POST", "/api/v1/verify/{TA}/check", "pdf:", EVERYONE, false),
                new Row("PUT", "/api/v1/me/profile", "{}", INDIVIDUALS, false),
                new Row("GET", "/api/v1/me/certificates", null, SIGNED_IN, false),
                new Row("GET", "/api/v1/certificates/queue", null, SIGNED_IN, false),
                new Row("GET", "/api/v1/certificates/{CA}", null, plus(UNIT_A, Who.IND_A), false),
                new Row("GET", "/api/v1/certificates/{CA}/pdf", null, plus(UNIT_A, Who.IND_A), false),
                // the shared platform issues PDF only: those entitled learn that (404 OFD_NOT_ISSUED), the others
                // not even that (OfdIssuingIT has the downloads themselves)
                new Row("GET", "/api/v1/certificates/{CA}/ofd", null, plus(UNIT_A, Who.IND_A), false),
                new Row("GET", "/api/v1/certificates/{CB}", null, UNIT_B, false),
                new Row("GET", "/api/v1/certificates/{CB}/pdf", null, UNIT_B, false),
                new Row("GET", "/api/v1/certificates/{CB}/ofd", null, UNIT_B, false),
                // the Verifiable Credential twin is scoped as the PDF is; its keys and status lists are public
                new Row("GET", "/api/v1/certificates/{CA}/credential", null, plus(UNIT_A, Who.IND_A), false),
                new Row("GET", "/api/v1/certificates/{CB}/credential", null, UNIT_B, false),
                new Row("GET", "/api/v1/credentials/keys", null, EVERYONE, false),
                new Row("GET", "/api/v1/credentials/status/0", null, EVERYONE, false),
                new Row("POST", "/api/v1/certificates/{CB}/regenerate", "", UNIT_B, false),
                // a dry run: counts what a system admin would regenerate, changes nothing
                new Row("POST", "/api/v1/certificates/regenerate-all?dryRun=true", "", SYSTEM, false),
                new Row("POST", "/api/v1/certificates/999999/revoke", "{\"reason\":\"BY_LAW\"}", ADMINS, false),
                // reinstatement and filing-wide acts are the system's: its calls here are refused for what they
                // lack (a note, a reason: 400) or find nothing (404), so nothing changes
                new Row("POST", "/api/v1/certificates/{CA}/reinstate", "{}", SYSTEM, false),
                new Row("POST", "/api/v1/certificates/999999/reinstate", "{\"note\":\"复核\"}", SYSTEM, false),
                new Row("POST", "/api/v1/filings/{FCA}/certificates/revoke", "{}", SYSTEM, false),
                new Row("POST", "/api/v1/filings/999999/certificates/revoke", "{\"reason\":\"FRAUD\"}", SYSTEM, false),
                new Row("POST", "/api/v1/filings/{FCA}/certificates/reinstate", "{}", SYSTEM, false),
                new Row("POST", "/api/v1/filings/999999/certificates/reinstate", "{\"note\":\"复核\"}", SYSTEM,
                        false),
                new Row("GET", "/api/v1/filings/{A}/certificates", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{B}/certificates", null, UNIT_B, false),
                new Row("POST", "/api/v1/filings/{FCA}/certificates/export", "{\"ids\":[{CA}]}", UNIT_A, false),
                new Row("POST", "/api/v1/filings/{B}/certificates/export", "{\"ids\":[{CB}]}", UNIT_B, false),
                new Row("GET", "/api/v1/filings/{FCA}/certificates/all.zip", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{B}/certificates/all.zip", null, UNIT_B, false),
                // a pending filing has no certificates (400), also when it names another unit's person
                new Row("GET", "/api/v1/filings/{PA}/certificates/all.zip", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{CLB}/certificates/all.zip", null, UNIT_B, false),
                new Row("GET", "/api/v1/filings/{CLB}/certificates?search={IDA}", null, UNIT_B, false),
                new Row("GET", "/api/v1/filings/{B}/certificates?search={IDA}", null, UNIT_B, false),
                new Row("POST", "/api/v1/filings/{CLB}/certificates/revoke", "{\"reason\":\"FRAUD\"}", SYSTEM, false),
                new Row("GET", "/admin/filings/{B}/certificates/all.zip", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                // corrections: CB has unit B's pending one, so a second request is refused (409) and nothing changes;
                // a request without a reason is refused (400); the decisions here find nothing or lack a note
                new Row("POST", "/api/v1/certificates/{CB}/corrections", "{\"reason\":\"NAME\",\"name\":\"某\"}",
                        UNIT_B, false),
                new Row("POST", "/api/v1/certificates/{CA}/corrections", "{}", UNIT_A, false),
                new Row("PUT", "/api/v1/corrections/{CRB}/evidence", "pdf:", UNIT_B, false),
                new Row("GET", "/api/v1/corrections", null, ADMINS, false),
                new Row("GET", "/api/v1/corrections/{CRB}", null, UNIT_B, false),
                new Row("GET", "/api/v1/corrections/{CRB}/evidence", null, UNIT_B, false),
                new Row("POST", "/api/v1/corrections/{CRB}/reject", "{}", SYSTEM, false),
                new Row("POST", "/api/v1/corrections/999999/approve", "{}", SYSTEM, false),
                new Row("GET", "/admin/corrections", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/corrections/{CRB}", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/api/v1/me/notices", null, INDIVIDUALS, false),
                new Row("GET", "/api/v1/me/notices/unread", null, INDIVIDUALS, false),
                new Row("POST", "/api/v1/me/notices/999999/read", "", INDIVIDUALS, false),
                new Row("POST", "/api/v1/me/notices/read-all", "", INDIVIDUALS, false),
                // a pending filing has no certificates to remind anyone of (409): nothing is sent
                new Row("POST", "/api/v1/filings/{PA}/certificates/photo-reminders", "", UNIT_A, false),
                new Row("GET", "/api/v1/metrics/notices", null, SYSTEM, false),
                new Row("GET", "/api/v1/filings/{FCA}/certificates/not-generated.xlsx", null, UNIT_A, false),
                new Row("GET", "/api/v1/filings/{B}/certificates/not-generated.xlsx", null, UNIT_B, false),
                new Row("GET", "/admin/filings/{B}/certificates/not-generated.xlsx", null, EnumSet.of(Who.SYSTEM_SESSION),
                        true),
                new Row("GET", "/me/messages", null, EnumSet.of(Who.IND_A, Who.IND_B), true),
                // 忘记密码 is public and answers alike (a bad captcha: 400, nothing sent); a person's one-time password
                // is for their unit: 999999 finds no account
                new Row("POST", "/api/v1/auth/password-reset-requests", "{\"login\":\"x\"}", EVERYONE, false),
                new Row("POST", "/api/v1/auth/password-resets", "{\"token\":\"x\"}", EVERYONE, false),
                new Row("POST", "/api/v1/persons/999999/password-reset", "", ADMINS, false),
                new Row("GET", "/password/forgot", null, EVERYONE, true),
                new Row("GET", "/api/v1/verify/{TA}", null, EVERYONE, false),
                // 证书查验 and 授权码查验 are public; what is sent here is incomplete or malformed (400)
                new Row("POST", "/api/v1/verify/lookup", "{}", EVERYONE, false),
                new Row("POST", "/api/v1/verify/share-code", "{\"code\":\"x\"}", EVERYONE, false),
                // 查验记录 and share codes are the holder's own: an admin or a key has none
                new Row("GET", "/api/v1/me/checks", null, INDIVIDUALS, false),
                new Row("GET", "/api/v1/me/share-codes", null, INDIVIDUALS, false),
                new Row("GET", "/api/v1/me/data", null, INDIVIDUALS, false),
                // individuals who agreed already agree again: nothing else changes
                new Row("POST", "/api/v1/me/privacy-consent", "", INDIVIDUALS, false),
                // 注销账号 unconfirmed (400): nothing is erased
                new Row("POST", "/api/v1/me/account-closure", "{}", INDIVIDUALS, false),
                new Row("POST", "/me/privacy/close", "form:confirmation=", INDIVIDUALS, true),
                new Row("GET", "/privacy", null, EVERYONE, true),
                new Row("GET", "/privacy/consent", null, INDIVIDUALS, true),
                new Row("POST", "/privacy/consent", "form:next=/me", INDIVIDUALS, true),
                new Row("GET", "/api/v1/me/data/pdf", null, INDIVIDUALS, false),
                new Row("POST", "/api/v1/me/share-codes", "{\"days\":0}", INDIVIDUALS, false),
                new Row("POST", "/api/v1/me/share-codes/999999/withdraw", "", INDIVIDUALS, false),
                new Row("POST", "/api/v1/me/share-codes/{SCA}/withdraw", "", EnumSet.of(Who.IND_A), false),
                new Row("POST", "/me/privacy/share-codes/{SCA}/withdraw", "form:", EnumSet.of(Who.IND_A), true),
                new Row("GET", "/v", null, EVERYONE, true),
                new Row("GET", "/me/privacy", null, INDIVIDUALS, true),
                new Row("POST", "/v/lookup", "form:certificateNumber=", EVERYONE, true),
                new Row("POST", "/v/share", "form:code=x", EVERYONE, true),
                new Row("POST", "/me/privacy/share-codes", "form:days=0", INDIVIDUALS, true),
                new Row("POST", "/me/privacy/share-codes/999999/withdraw", "form:", INDIVIDUALS, true),
                new Row("GET", "/api/v1/seals", null, ADMINS, false),
                new Row("GET", "/admin/seals", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                // an invalid code, so that the platform's authorities stay as they are
                new Row("POST", "/admin/seals", "form:action=credit-code&authority=HFRSJ&creditCode=1",
                        EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/filings", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/filings/{FCA}/certificates", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/filings/{FCA}/certificates/{CA}", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/filings/{B}/certificates", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/me/titles", null, EnumSet.of(Who.IND_A, Who.IND_B), true),
                new Row("GET", "/v/{TA}", null, EVERYONE, true),
                new Row("GET", "/api/docs", null, EVERYONE, true),
                new Row("GET", "/admin/filings/{A}", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/filings/{B}", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/individuals", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/audit/export.csv", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/accounts", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/api-keys", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/audit", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/admin/system", null, EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("GET", "/me", null, EnumSet.of(Who.IND_A, Who.IND_B), true),
                new Row("GET", "/me/password", null, EnumSet.of(Who.IND_A, Who.IND_B), true),
                new Row("GET", "/admin/password", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/me/photo", null, EnumSet.of(Who.IND_A, Who.IND_B), true),
                new Row("GET", "/me/titles/{TIA}", null, EnumSet.of(Who.IND_A), true),
                new Row("GET", "/admin/photo-imports", null, EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("GET", "/register/profile", null, EnumSet.of(Who.IND_A, Who.IND_B), true),
                // the web forms' POSTs, each with the caller's CSRF token; what an entitled caller sends is refused
                // for what it lacks (400, 409) or finds nothing (404), so nothing changes
                new Row("POST", "/admin/filings", "form:name=", EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{B}/reject", "form:reason=", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{B}/certificates/{CB}/corrections",
                        "multipart:reason=NAME&name=某&@evidence=pdf", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{FCA}/certificates/{CA}/corrections", "multipart:reason=",
                        EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/corrections/{CRB}/reject", "form:note=", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/corrections/999999/approve", "form:note=", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{PA}/certificates/photo-reminders", "form:",
                        EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{B}/certificates/999999/password", "form:",
                        EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{FCA}/certificates/{CA}/reinstate", "form:note=",
                        EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/filings/{B}/certificates/export", "form:", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/individuals/999999/confirm", "form:",
                        EnumSet.of(Who.UNIT_A_SESSION, Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/accounts/999999/disable", "form:", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/admin/api-keys/999999/revoke", "form:", EnumSet.of(Who.SYSTEM_SESSION), true),
                new Row("POST", "/me/messages/999999/read", "form:", INDIVIDUALS, true),
                new Row("POST", "/me/messages/read-all", "form:", INDIVIDUALS, true),
                new Row("POST", "/me/photo", "multipart:@file=jpeg", INDIVIDUALS, true),
                new Row("POST", "/password/forgot", "form:login=x&captchaId=x&captcha=x", EVERYONE, true),
                new Row("POST", "/password/reset", "form:token=x&newPassword=a&confirm=b", EVERYONE, true),
                new Row("POST", "/v/{TA}/check", "multipart:@file=pdf", EVERYONE, true));
    }

    @Test
    void noCallerGetsWhatItIsNotEntitledTo() {
        JsonNode before = callers.get(Who.SYSTEM_KEY).get("/api/v1/certificates/" + certA).json();
        List<String> leaks = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                if (row.page() && (who == Who.UNIT_A_KEY || who == Who.UNIT_B_KEY || who == Who.SYSTEM_KEY)) {
                    continue;
                }
                Api.Response r = call(callers.get(who), row);
                checked++;
                String line = who + " " + row.method() + " " + row.path() + " -> " + r.status();
                boolean form = row.page() && row.method().equals("POST");
                boolean redirect = r.status() >= 300 && r.status() < 400;
                // a form's answer is a redirect to what it did, unless it sends the caller away to log in
                boolean ok = r.status() >= 200 && r.status() < 300 || form && redirect && !sentAway(r);
                if (row.allowed().contains(who)) {
                    // a page or call that breaks (5xx) for a caller entitled to it is refused them too
                    boolean denied = r.status() == 401 || r.status() == 403 || redirect && (!form || sentAway(r))
                            || r.status() == 404 && !row.path().contains("999999") && !notIssued(r)
                            || r.status() >= 500;
                    if (denied) {
                        refused.add(line + " " + r.body().substring(0, Math.min(120, r.body().length())));
                    }
                } else if (ok || notIssued(r)) {
                    leaks.add(line);
                } else if (who == Who.NONE && !row.page()) {
                    assertThat(r.status()).as(line).isEqualTo(401);
                }
            }
        }
        System.out.println("access matrix: " + checked + " calls, " + leaks.size() + " unauthorised 2xx");
        assertThat(leaks).as("unauthorised 2xx").isEmpty();
        assertThat(refused).as("entitled callers refused").isEmpty();
        JsonNode after = callers.get(Who.SYSTEM_KEY).get("/api/v1/certificates/" + certA).json();
        assertThat(after.get("version").asInt()).as("A's certificate untouched").isEqualTo(before.get("version").asInt());
        assertThat(after.get("sha256").asText()).isEqualTo(before.get("sha256").asText());
    }

    /**
     * Finding 2 of the security review: each route spelt another way (an encoded letter, a dot segment, a
     * {@code ;} parameter, a double slash) is refused to every caller the plain route refuses, and never
     * answers 500 or shows exception text.
     */
    @Test
    void noOtherSpellingOfARouteOpensIt() {
        List<String> leaks = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            String path = resolve(row.path());
            for (String variant : spellings(path)) {
                for (Who who : Who.values()) {
                    if (row.allowed().contains(who) || row.page() && (who == Who.UNIT_A_KEY || who == Who.UNIT_B_KEY
                            || who == Who.SYSTEM_KEY)) {
                        continue;
                    }
                    Api caller = callers.get(who);
                    Api.Response r = caller.send(caller.request(variant).method(row.method(),
                            HttpRequest.BodyPublishers.noBody()));
                    checked++;
                    String line = who + " " + row.method() + " " + variant + " -> " + r.status();
                    if (r.status() >= 200 && r.status() < 300) {
                        leaks.add(line);
                    }
                    if (r.status() >= 500 || r.body().contains("Exception") || r.body().contains("at org.")
                            || r.body().contains("Jetty")) {
                        broken.add(line + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        System.out.println("encoded paths: " + checked + " calls, " + leaks.size() + " unauthorised 2xx");
        assertThat(leaks).as("unauthorised 2xx through another spelling").isEmpty();
        assertThat(broken).as("500s or exception text").isEmpty();
    }

    /**
     * A web form as a browser posts it: url-encoded ({@code form:}) or multipart ({@code multipart:}, where
     * {@code @name=pdf|jpeg} is a file), with the CSRF token of the caller's session, or of a browser without one.
     */
    private static Api.Response submit(Api api, String path, String body) {
        String token = api.csrf();
        HttpRequest.Builder b = api.request(path);
        if (token == null) {
            token = api.get("/password/forgot").cookie("TCCSRF");
            b.header("Cookie", "TCCSRF=" + token);
        }
        boolean multipart = body.startsWith("multipart:");
        String fields = body.substring(body.indexOf(':') + 1);
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {"_csrf", token});
        for (String pair : fields.split("&")) {
            if (!pair.isEmpty()) {
                pairs.add(pair.split("=", 2));
            }
        }
        if (!multipart) {
            StringBuilder sb = new StringBuilder();
            pairs.forEach(p -> sb.append(sb.length() == 0 ? "" : "&").append(p[0]).append('=')
                    .append(java.net.URLEncoder.encode(p[1], java.nio.charset.StandardCharsets.UTF_8)));
            return api.send(b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(sb.toString())));
        }
        String boundary = "matrix" + System.nanoTime();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String[] p : pairs) {
            boolean file = p[0].startsWith("@");
            String name = file ? p[0].substring(1) : p[0];
            byte[] content = !file ? p[1].getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : p[1].equals("pdf") ? TestFixtures.pdf() : new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (file ? "; filename=\"f." + p[1] + "\"\r\nContent-Type: "
                    + (p[1].equals("pdf") ? "application/pdf" : "image/jpeg") : "") + "\r\n\r\n";
            out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.send(b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Other spellings of a path that a lax router might take for it. */
    static List<String> spellings(String path) {
        String[] segments = path.substring(1).split("/");
        String first = segments[0];
        String rest = path.substring(1 + first.length());
        String encoded = "%" + Integer.toHexString(first.charAt(0)).toUpperCase() + first.substring(1);
        String last = path.substring(path.lastIndexOf('/') + 1);
        String lastEncoded = last.isEmpty() ? last : last.substring(0, last.length() - 1) + "%"
                + Integer.toHexString(last.charAt(last.length() - 1));
        return List.of("/" + encoded + rest, "/static/../" + first + rest, "/api/.." + path, "/" + first + ";x" + rest,
                "/" + first + "/." + rest, "//" + first + rest, "/" + first + "/" + rest,
                path.substring(0, path.length() - last.length()) + lastEncoded, path + ";jsessionid=1");
    }

    @Test
    void unitCallersSeeOnlyTheirOwnUnitsFilings() {
        for (Who who : List.of(Who.UNIT_A_KEY, Who.UNIT_A_SESSION, Who.UNIT_B_KEY)) {
            JsonNode page = callers.get(who).get("/api/v1/filings?size=200").json();
            String unit = who == Who.UNIT_B_KEY ? "HFRS" : "AHCZ";
            assertThat(page.get("total").asInt()).isPositive();
            page.get("items").forEach(f -> assertThat(f.at("/unit/code").asText()).as(who.name()).isEqualTo(unit));
            JsonNode other = callers.get(who).get("/api/v1/filings?size=200&unitId="
                    + (unit.equals("AHCZ") ? 2 : 1)).json();
            other.get("items").forEach(f -> assertThat(f.at("/unit/code").asText()).isEqualTo(unit));
        }
        JsonNode all = callers.get(Who.SYSTEM_KEY).get("/api/v1/filings?size=200").json();
        assertThat(all.findValuesAsText("code")).contains("AHCZ", "HFRS");
    }

    /** Unit B's claim on A's person opens none of A's certificates: not by search, not in a whole-filing ZIP. */
    @Test
    void aUnitsPendingRowForAnotherUnitsPersonFindsNoneOfTheirCertificates() {
        Api unitB = callers.get(Who.UNIT_B_KEY);
        for (long filing : new long[] {claim, filingB}) {
            JsonNode found = unitB.get("/api/v1/filings/" + filing + "/certificates?search=" + idA).json();
            assertThat(found.get("total").asInt()).as("filing " + filing).isZero();
        }
        assertThat(unitB.get("/api/v1/filings/" + claim + "/certificates/all.zip").status()).isEqualTo(400);
        assertThat(callers.get(Who.UNIT_A_KEY).get("/api/v1/filings/" + certFilingA + "/certificates?search=" + idA)
                .json().at("/items/0/id").asLong()).as("the search does find it for its own unit").isEqualTo(certA);
    }

    @Test
    void aKeyWithoutAScopeIsRefused() {
        Api system = callers.get(Who.SYSTEM_KEY);
        String key = system.post("/api/v1/api-keys", Map.of("label", "只读测试", "unitId", 1,
                "scopes", List.of("filings:read"))).json().get("secret").asText();
        Api readOnly = Platform.shared().api().withKey(key);
        assertThat(readOnly.get("/api/v1/filings").status()).isEqualTo(200);
        Api.Response write = readOnly.post("/api/v1/filings", "{}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asText()).isEqualTo("SCOPE_MISSING");
        long id = system.get("/api/v1/api-keys").json().findParents("label").stream()
                .filter(k -> k.get("label").asText().equals("只读测试")).findFirst().orElseThrow().get("id").asLong();
        assertThat(system.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(readOnly.get("/api/v1/filings").status()).as("revoked").isEqualTo(401);
    }

    private static String resolve(String template) {
        return template.replace("{A}", String.valueOf(filingA)).replace("{B}", String.valueOf(filingB))
                .replace("{PA}", String.valueOf(pendingA)).replace("{FCA}", String.valueOf(certFilingA))
                .replace("{CA}", String.valueOf(certA)).replace("{CB}", String.valueOf(certB)).replace("{TA}", tokenA)
                .replace("{PER}", String.valueOf(personA)).replace("{TIA}", String.valueOf(titleA))
                .replace("{ACA}", String.valueOf(accountA)).replace("{CLB}", String.valueOf(claim))
                .replace("{IDA}", idA).replace("{CRB}", String.valueOf(correctionB))
                .replace("{SCA}", String.valueOf(shareCodeA)).replace("{BV}", String.valueOf(batchV))
                .replace("{RTV}", reportTokenV);
    }

    /** The answer of a page that refuses the caller: to a login page, or an admin from a personal page to theirs. */
    /** A file the certificate does not have (an OFD, a credential): told only to those who may read it. */
    private static boolean notIssued(Api.Response r) {
        return r.body().contains("OFD_NOT_ISSUED") || r.body().contains("CREDENTIAL_NOT_ISSUED");
    }

    private static boolean sentAway(Api.Response r) {
        String location = r.header("Location");
        return location == null || location.contains("login?next=") || location.endsWith("/admin/filings")
                || location.endsWith("/verifier");
    }

    private static Api.Response call(Api api, Row row) {
        String path = resolve(row.path());
        if (row.page() && row.body() != null) {
            return submit(api, path, row.body());
        }
        if (row.page()) {
            return api.send(api.request(path).GET());
        }
        HttpRequest.Builder b = api.request(path);
        String body = row.body() == null ? null : row.body().replace("{CA}", String.valueOf(certA))
                .replace("{CB}", String.valueOf(certB));
        if (body == null) {
            return api.send(b.method(row.method(), HttpRequest.BodyPublishers.noBody()));
        }
        if (body.startsWith("csv:")) {
            return api.send(b.header("Content-Type", "text/csv").method(row.method(),
                    HttpRequest.BodyPublishers.ofString(body.substring(4))));
        }
        if (body.startsWith("jpeg:")) {
            // not an image: an entitled caller is told so, and nothing is stored
            return api.send(b.header("Content-Type", "image/jpeg").method(row.method(),
                    HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3})));
        }
        if (body.startsWith("zip:")) {
            return api.send(b.header("Content-Type", "application/zip").method(row.method(),
                    HttpRequest.BodyPublishers.ofByteArray(TestFixtures.photoZip(
                            List.of(idA), new byte[] {1, 2, 3}))));
        }
        if (body.startsWith("pdf:")) {
            return api.send(b.header("Content-Type", "application/pdf").method(row.method(),
                    HttpRequest.BodyPublishers.ofByteArray(TestFixtures.pdf())));
        }
        return api.send(b.header("Content-Type", "application/json").method(row.method(),
                HttpRequest.BodyPublishers.ofString(body)));
    }
}
