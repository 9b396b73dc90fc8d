package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A local account over REST: sign-up, the registration form, confirmation by a unit, login by mobile. */
class RegistrationIT {

    private final Platform platform = Platform.shared();
    private final Api api = platform.api();

    @Test
    void aSelfRegisteredPersonSeesTheirTitlesOnlyAfterAUnitConfirmsThem() {
        String id = TestFixtures.idNumber(LocalDate.of(1979, 11, 3), 612, false);
        String mobile = "13855" + id.substring(12, 18).replace("X", "0");
        Api person = TestFixtures.signUp(api, id, mobile, "Xuexi2026ok");
        assertThat(person.get("/api/v1/me").json().hasNonNull("personId")).as("self-declared: not linked").isFalse();

        Map<String, Object> form = new HashMap<>(Map.of("realName", "陈雨涵", "idNumber", id, "mobile", mobile,
                "gender", "男", "birthDate", "1979-11-03", "politicalStatus", "中共党员", "ethnicity", "回族",
                "email", "chen@example.com", "address", "安徽省芜湖市镜湖区北京中路 8 号", "workStartDate", "2001-08-01"));
        form.put("education", "硕士研究生");
        Api.Response wrong = person.put("/api/v1/me/profile", form);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").findValuesAsText("column")).containsExactly("gender");
        form.put("gender", "女");
        JsonNode saved = person.put("/api/v1/me/profile", form).json();
        assertThat(saved.get("complete").asBoolean()).isTrue();

        Api unitB = api.withKey(platform.accounts().of("unitapi", "HFRS").secret());
        JsonNode pendingForUnit = unitB.get("/api/v1/individuals/pending").json().get("items");
        assertThat(pendingForUnit.findValuesAsText("idNumber")).as("not on HFRS's rosters").doesNotContain(id);
        Api system = platform.system();
        JsonNode pending = system.get("/api/v1/individuals/pending?size=200").json().get("items");
        long accountId = 0;
        for (JsonNode p : pending) {
            if (p.get("idNumber").asText().equals(id)) {
                accountId = p.get("accountId").asLong();
                assertThat(p.get("realName").asText()).isEqualTo("陈雨涵");
            }
        }
        assertThat(accountId).isPositive();
        assertThat(unitB.post("/api/v1/individuals/" + accountId + "/confirm", "").status()).isEqualTo(404);
        assertThat(system.post("/api/v1/individuals/" + accountId + "/confirm", "").status()).isEqualTo(204);

        Api byMobile = api.login("individual", mobile, "Xuexi2026ok");
        JsonNode me = byMobile.get("/api/v1/me").json();
        assertThat(me.get("personId").isNumber()).as("confirmed: linked").isTrue();
        assertThat(me.get("displayName").asText()).isEqualTo("陈雨涵");
        assertThat(system.get("/api/v1/audit?action=INDIVIDUAL_CONFIRM&size=1").json().at("/items/0/target").asText())
                .isEqualTo("account:" + accountId);
    }

    @Test
    void signUpRefusesBadInputButDoesNotTellWhetherANumberIsTaken() {
        String[] c = api.captcha();
        Api.Response bad = api.post("/api/v1/auth/register", Map.of("idNumber", "11010519491231002Y",
                "mobile", "123", "password", "short", "captchaId", c[0], "captchaAnswer", c[1]));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("column")).containsExactly("idNumber", "mobile", "password",
                "privacyConsent");

        // PIPL: without the person's consent to the privacy notice nothing is kept
        String unconsenting = TestFixtures.idNumber(LocalDate.of(1991, 3, 3), 79, false);
        String[] c2 = api.captcha();
        Api.Response noConsent = api.post("/api/v1/auth/register", Map.of("idNumber", unconsenting,
                "mobile", "13700000004", "password", "Another2026", "captchaId", c2[0], "captchaAnswer", c2[1]));
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.json().get("code").asText()).isEqualTo("CONSENT_REQUIRED");
        assertThat(api.tryLogin("individual", unconsenting, "Another2026").status()).as("no account").isEqualTo(401);

        // finding 10: a taken ID number, a taken mobile and a fresh one get the very same answer
        DemoAccounts.Account existing = platform.accounts().first("individual");
        String takenMobile = "13955000000"; // the first demo individual's
        String fresh = TestFixtures.idNumber(LocalDate.of(1990, 6, 6), 77, true);
        Api.Response taken = register(existing.scope(), "13700000001", "Another2026");
        Api.Response mobileTaken = register(fresh, takenMobile, "Another2026");
        Api.Response brandNew = register(TestFixtures.idNumber(LocalDate.of(1990, 6, 7), 78, true), "13700000003",
                "Another2026");
        assertThat(taken.status()).isEqualTo(202);
        assertThat(taken.body()).isEqualTo(brandNew.body()).isEqualTo(mobileTaken.body());
        assertThat(mobileTaken.status()).isEqualTo(brandNew.status()).isEqualTo(202);
        assertThat(TestFixtures.loginStatus(platform, "127.0.0.73", existing.scope(), "Another2026"))
                .as("a taken ID number gets no second account").isEqualTo(401);
        assertThat(api.tryLogin("individual", existing.scope(), existing.secret()).status()).isEqualTo(200);
        Api second = api.login("individual", fresh, "Another2026");
        assertThat(second.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(TestFixtures.loginStatus(platform, "127.0.0.74", takenMobile, "Another2026"))
                .as("a mobile someone else holds is no login for the newcomer").isEqualTo(401);
    }

    private Api.Response register(String idNumber, String mobile, String password) {
        String[] c = api.captcha();
        return api.post("/api/v1/auth/register", Map.of("idNumber", idNumber, "mobile", mobile, "password", password,
                "privacyConsent", true, "captchaId", c[0], "captchaAnswer", c[1]));
    }

    /** Issue 16: a registration goes to the unit the person chose, which confirms it or refuses it with a reason. */
    @Test
    void aRegistrationGoesToTheChosenUnitWhichRefusesOrConfirmsIt() {
        String id = TestFixtures.idNumber(LocalDate.of(1985, 4, 9), 431, true);
        String mobile = "13866" + id.substring(12, 18).replace("X", "0");
        Api person = TestFixtures.signUp(api, id, mobile, "Xuanze2026ok");
        Api unitA = api.withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        Api unitB = api.withKey(platform.accounts().of("unitapi", "HFRS").secret());
        long ahcz = unitA.get("/api/v1/me").json().get("unitId").asLong();
        Map<String, Object> form = new HashMap<>(Map.of("realName", "周选择", "idNumber", id, "mobile", mobile,
                "gender", "男", "birthDate", "1985-04-09", "politicalStatus", "群众", "ethnicity", "汉族",
                "email", "zhou@example.com", "address", "安徽省合肥市庐阳区", "workStartDate", "2008-07-01"));
        form.put("education", "大学本科");
        form.put("employerUnitId", ahcz);
        assertThat(person.put("/api/v1/me/profile", form).status()).isEqualTo(200);

        JsonNode row = find(unitA.get("/api/v1/individuals/pending").json(), id);
        assertThat(row).as("routed to the chosen unit").isNotNull();
        assertThat(row.get("onRoster").asBoolean()).as("不在名单中").isFalse();
        assertThat(row.get("employerUnitId").asLong()).isEqualTo(ahcz);
        assertThat(find(unitB.get("/api/v1/individuals/pending").json(), id)).as("not another unit's").isNull();
        long account = row.get("accountId").asLong();
        assertThat(unitB.post("/api/v1/individuals/" + account + "/reject", Map.of("reason", "x")).status())
                .isEqualTo(404);

        assertThat(unitA.post("/api/v1/individuals/" + account + "/reject", Map.of("reason", "")).status())
                .isEqualTo(400);
        assertThat(unitA.post("/api/v1/individuals/" + account + "/reject",
                Map.of("reason", "工作单位与本单位人事档案不符")).status()).isEqualTo(204);
        assertThat(person.get("/api/v1/me").json().get("registrationRejected").asText())
                .isEqualTo("工作单位与本单位人事档案不符");
        assertThat(find(unitA.get("/api/v1/individuals/pending").json(), id)).as("out of the queue").isNull();

        assertThat(person.put("/api/v1/me/profile", form).status()).as("corrected and submitted again").isEqualTo(200);
        assertThat(person.get("/api/v1/me").json().has("registrationRejected")).isFalse();
        assertThat(find(unitA.get("/api/v1/individuals/pending").json(), id)).isNotNull();
        assertThat(unitA.post("/api/v1/individuals/" + account + "/confirm", "").status()).isEqualTo(204);
        assertThat(person.get("/api/v1/me").json().get("personId").isNumber()).as("confirmed there").isTrue();
        assertThat(unitA.post("/api/v1/individuals/" + account + "/reject", Map.of("reason", "晚了")).status())
                .as("a confirmed person is not refused afterwards").isEqualTo(409);
    }

    private static JsonNode find(JsonNode page, String idNumber) {
        for (JsonNode p : page.get("items")) {
            if (p.get("idNumber").asText().equals(idNumber)) {
                return p;
            }
        }
        return null;
    }
}
