package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Findings 1 and 4 of the security review. Unit B puts a person of unit A's approved, sealed filing on a
 * pending roster of its own, and a stranger registers a local account with that person's ID number. Nothing
 * B or the stranger does may read the person's data or change a byte of A's certificate; when the real person
 * arrives through the government SSO, they take the account over.
 */
class CrossUnitAttackIT {

    private static final Platform platform = Platform.shared();
    private static final Api api = platform.api();
    private static Api system;
    private static Api unitB;
    private static String idNumber;
    private static long personId;
    private static JsonNode certificate;

    @BeforeAll
    static void unitAIssuesASealedCertificateAndUnitBClaimsTheSamePerson() {
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
        unitB = api.withKey(platform.accounts().of("unitapi", "HFRS").secret());
        String row = TestFixtures.rows(1, 9_100).get(0);
        idNumber = row.split(",")[1];
        String csv = TestFixtures.HEADER + row;
        long filingA = TestFixtures.filledFiling(system, "跨单位攻击·甲单位", 2021, csv);
        personId = TestFixtures.personIds(system, filingA).get(idNumber);
        assertThat(system.putBytes("/api/v1/persons/" + personId + "/photo", "image/jpeg",
                CertificateApiIT.photo(Color.GRAY)).status()).isEqualTo(200);
        TestFixtures.approve(system, filingA);
        certificate = TestFixtures.settledCertificates(system, filingA, 1).get(0);
        assertThat(certificate.get("status").asText()).isEqualTo("GENERATED");
        assertThat(certificate.get("sealStatus").asText()).isEqualTo("SEALED");

        long filingB = TestFixtures.filing(unitB, "跨单位攻击·乙单位", 2021, "REVIEW", "HFGCZP", "HFRSJ").get("id").asLong();
        assertThat(unitB.postBytes("/api/v1/filings/" + filingB + "/roster", "text/csv",
                csv.replace("会计人员,会计,会计师", "工程,土木工程,工程师").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        assertThat(TestFixtures.personIds(unitB, filingB).get(idNumber)).as("the same person").isEqualTo(personId);
    }

    private static JsonNode current() {
        return system.get("/api/v1/certificates/" + certificate.get("id").asLong()).json();
    }

    private static void assertUnchanged() {
        JsonNode now = current();
        assertThat(now.get("version").asInt()).isEqualTo(certificate.get("version").asInt());
        assertThat(now.get("sha256").asText()).isEqualTo(certificate.get("sha256").asText());
        assertThat(system.get("/api/v1/certificates/queue").json().get("queued").asLong()).isZero();
    }

    @Test
    void unitBNeitherReadsNorReplacesThePhotoOfUnitAsPerson() {
        Api.Response read = unitB.get("/api/v1/persons/" + personId + "/photo");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).doesNotContain("image");
        assertThat(unitB.get("/api/v1/persons/" + personId + "/titles").status()).isEqualTo(404);

        Api.Response write = unitB.putBytes("/api/v1/persons/" + personId + "/photo", "image/jpeg",
                CertificateApiIT.photo(Color.RED));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asText()).isEqualTo("PHOTO_FORBIDDEN");
        assertThat(write.json().get("message").asText()).contains("无权更换该人员的照片");

        JsonNode report = unitB.postBytes("/api/v1/photo-imports", "application/zip",
                TestFixtures.photoZip(List.of(idNumber), CertificateApiIT.photo(Color.RED))).json();
        assertThat(report.get(0).get("code").asText()).isEqualTo("PHOTO_FORBIDDEN");
        Platform.sleep(500);
        assertUnchanged();
        assertThat(system.get("/api/v1/audit?action=PHOTO_UPLOAD&outcome=DENIED&size=5").json().get("items")
                .findValuesAsText("target")).contains("person:" + personId);
    }

    @Test
    void aStrangerVouchedForByUnitBGetsNothingOfUnitAAndTheSsoOwnerTakesTheAccountOver() {
        String mobile = "1370000" + idNumber.substring(13, 17).replace("X", "0");
        Api stranger = TestFixtures.signUp(api, idNumber, mobile, "Stranger2026");
        assertThat(stranger.put("/api/v1/me/profile", Map.ofEntries(Map.entry("realName", "冒名者"),
                Map.entry("idNumber", idNumber), Map.entry("mobile", mobile), Map.entry("gender", "男"),
                Map.entry("birthDate", idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-"
                        + idNumber.substring(12, 14)), Map.entry("politicalStatus", "群众"), Map.entry("ethnicity", "汉族"),
                Map.entry("email", "x@example.com"), Map.entry("address", "某地"),
                Map.entry("workStartDate", "2010-01-01"), Map.entry("education", "大学本科"),
                Map.entry("employerUnitId", unitB.get("/api/v1/me").json().get("unitId").asLong()))).status())
                .as("the stranger names unit B as their employer").isEqualTo(200);
        long account = 0;
        for (JsonNode p : unitB.get("/api/v1/individuals/pending").json().get("items")) {
            if (p.get("idNumber").asText().equals(idNumber)) {
                account = p.get("accountId").asLong();
            }
        }
        assertThat(account).as("on B's roster, so B may vouch for the account").isPositive();
        assertThat(unitB.post("/api/v1/individuals/" + account + "/confirm", "").status()).isEqualTo(204);

        Api vouched = api.login("individual", mobile, "Stranger2026");
        assertThat(vouched.get("/api/v1/me").json().get("personId").asLong()).isEqualTo(personId);
        assertThat(vouched.get("/api/v1/me/certificates").json()).as("B vouches only for B's records").isEmpty();
        assertThat(vouched.get("/api/v1/certificates/" + certificate.get("id").asLong()).status()).isEqualTo(404);
        assertThat(vouched.get("/api/v1/certificates/" + certificate.get("id").asLong() + "/pdf").status())
                .isEqualTo(404);
        Api.Response photo = vouched.putBytes("/api/v1/me/photo", "image/jpeg", CertificateApiIT.photo(Color.RED));
        assertThat(photo.status()).isEqualTo(403);
        assertThat(photo.json().get("code").asText()).isEqualTo("PHOTO_FORBIDDEN");
        Platform.sleep(500);
        assertUnchanged();

        // the real holder arrives through the government SSO and takes the account over
        Api owner = Sso.login(platform, idNumber, "王真");
        assertThat(owner.get("/api/v1/me").json().get("personId").asLong()).isEqualTo(personId);
        assertThat(vouched.get("/api/v1/me").status()).as("the stranger's session is gone").isEqualTo(401);
        assertThat(stranger.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(TestFixtures.loginStatus(platform, "127.0.0.71", mobile, "Stranger2026")).isEqualTo(401);
        assertThat(TestFixtures.loginStatus(platform, "127.0.0.72", idNumber, "Stranger2026")).isEqualTo(401);
        assertThat(owner.get("/api/v1/me/profile").json().get("realName").asText()).isEqualTo("王真");
        assertThat(system.get("/api/v1/audit?action=SSO_TAKEOVER&size=1").json().at("/items/0/target").asText())
                .isEqualTo("account:" + account);
        assertUnchanged();
    }

    @Test
    void unitAStillManagesItsOwnPersonWhileBHoldsOnlyAPendingClaim() {
        Api unitA = api.withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        assertThat(unitA.get("/api/v1/persons/" + personId + "/photo").status()).isEqualTo(200);
        assertThat(unitA.get("/api/v1/persons/" + personId + "/titles").json()).hasSize(1);
    }
}
