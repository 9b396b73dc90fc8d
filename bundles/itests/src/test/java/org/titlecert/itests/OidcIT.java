package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The government SSO end to end against a real OpenID provider: the authorization-code flow with
 * PKCE, state and nonce, and ID token validation; tampered, expired and wrong-nonce tokens fail.
 */
class OidcIT {

    private final Platform platform = Platform.shared();
    private final Api api = platform.api();
    private final MockOAuth2Server provider = Sso.server();

    /** A browser's view of the flow so far: the provider URL it was sent to, and the binding cookie. */
    private record Started(String authorizeUrl, String bindingCookie) {

        String param(String name) {
            for (String kv : URI.create(authorizeUrl).getRawQuery().split("&")) {
                if (kv.startsWith(name + "=")) {
                    return URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    private Started begin() {
        Api.Response r = api.send(api.request("/login/sso").GET());
        assertThat(r.status()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).startsWith(Sso.issuer()).contains("code_challenge_method=S256").contains("nonce=")
                .contains("state=");
        return new Started(location, r.cookie("TCSSO"));
    }

    /** The provider authenticates the user and redirects back with a code. */
    private String authorize(String authorizeUrl) {
        Api.Response r = api.send(java.net.http.HttpRequest.newBuilder(URI.create(authorizeUrl)).GET());
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String back = r.header("Location");
        assertThat(back).startsWith(platform.url("/login/sso/callback"));
        return back;
    }

    private Api.Response callback(String url, String binding) {
        return api.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Cookie", "TCSSO=" + binding).GET());
    }

    private static String newIdNumber(int seq) {
        return TestFixtures.idNumber(LocalDate.of(1988, 3, 14), 400 + seq, true);
    }

    private void expectIdentity(String idNumber, String name) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(Sso.ISSUER_ID, "sso-" + idNumber,
                JOSEObjectType.JWT.getType(), List.of(Sso.CLIENT_ID),
                Map.of("id_number", idNumber, "name", name, "phone_number", "1391234" + idNumber.substring(13, 17)),
                3600));
    }

    @Test
    void aVerifiedIdentityLogsInAndLandsOnTheRegistrationFormPrefilled() {
        String id = newIdNumber(1);
        expectIdentity(id, "欧阳𠮷");
        Started s = begin();
        Api.Response done = callback(authorize(s.authorizeUrl()), s.bindingCookie());
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/register/profile");
        String cookie = done.cookie("TCSESSION");
        assertThat(cookie).isNotBlank();

        Api me = api.withSession(cookie, "");
        JsonNode who = me.get("/api/v1/me").json();
        assertThat(who.get("role").asText()).isEqualTo("INDIVIDUAL");
        // first of all the privacy notice (PIPL), which the next test looks at closely
        assertThat(who.get("privacyConsentRequired").asBoolean()).isTrue();
        me = api.withSession(cookie, who.get("csrfToken").asText());
        assertThat(me.post("/api/v1/me/privacy-consent", "").status()).isEqualTo(204);
        assertThat(who.get("registrationComplete").asBoolean()).isFalse();
        assertThat(who.get("personId").isNumber()).as("an SSO-verified ID number links the person").isTrue();
        JsonNode profile = me.get("/api/v1/me/profile").json();
        assertThat(profile.get("realName").asText()).isEqualTo("欧阳𠮷");
        assertThat(profile.get("idNumber").asText()).isEqualTo(id);
        assertThat(profile.get("gender").asText()).isEqualTo("男");
        assertThat(profile.get("readOnly")).extracting(JsonNode::asText).contains("realName", "idNumber", "mobile");
        assertThat(me.get("/api/v1/filings").json().get("code").asText()).isEqualTo("REGISTRATION_REQUIRED");

        assertThat(callback(authorize(s.authorizeUrl()).replaceAll("code=[^&]+", "code=x"), s.bindingCookie())
                .status()).as("a state is used once").isEqualTo(401);
    }

    @Test
    void aTamperedIdTokenIsRefused() {
        String id = newIdNumber(2);
        Started s = begin();
        String back = authorize(s.authorizeUrl());
        String genuine = provider.issueToken(Sso.ISSUER_ID, Sso.CLIENT_ID, new DefaultOAuth2TokenCallback(Sso.ISSUER_ID,
                "sso-evil", JOSEObjectType.JWT.getType(), List.of(Sso.CLIENT_ID),
                Map.of("nonce", s.param("nonce"), "id_number", id), 3600)).serialize();
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(id, "11010519491231002X");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Sso.nextTokenResponse(tampered);
        Api.Response r = callback(back, s.bindingCookie());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("身份凭证无效");
        assertThat(r.cookie("TCSESSION")).isNull();
    }

    @Test
    void aWrongNonceIsRefused() {
        expectIdentity(newIdNumber(3), "张三");
        Started s = begin();
        String back = authorize(s.authorizeUrl().replaceAll("nonce=[^&]+", "nonce=replayed-nonce"));
        Api.Response r = callback(back, s.bindingCookie());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("身份凭证无效");
        assertThat(r.cookie("TCSESSION")).isNull();
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Started s = begin();
        String back = authorize(s.authorizeUrl());
        String expired = provider.issueToken(Sso.ISSUER_ID, Sso.CLIENT_ID, new DefaultOAuth2TokenCallback(Sso.ISSUER_ID,
                "sso-late", JOSEObjectType.JWT.getType(), List.of(Sso.CLIENT_ID),
                Map.of("nonce", s.param("nonce"), "id_number", newIdNumber(4)), -3600)).serialize();
        Sso.nextTokenResponse(expired);
        Api.Response r = callback(back, s.bindingCookie());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("身份凭证无效");
        assertThat(r.cookie("TCSESSION")).isNull();
    }

    @Test
    void aCallbackFromAnotherBrowserIsRefused() {
        expectIdentity(newIdNumber(5), "李四");
        Started s = begin();
        Api.Response r = callback(authorize(s.authorizeUrl()), "someone-elses-binding");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("登录请求已过期或无效");
    }

    /**
     * PIPL: someone signing in through the government SSO for the first time has agreed to nothing here yet;
     * nothing but the privacy notice is open to them until they agree to it.
     */
    @Test
    void aFirstSsoSignInAgreesToThePrivacyNoticeBeforeAnythingElse() {
        String id = TestFixtures.idNumber(java.time.LocalDate.of(1987, 8, 8), 808, false);
        Api fresh = Sso.loginWithoutConsent(platform, id, "许知意");
        assertThat(fresh.get("/api/v1/me").json().get("privacyConsentRequired").asBoolean()).isTrue();
        Api.Response refused = fresh.get("/api/v1/me/profile");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("PRIVACY_CONSENT_REQUIRED");
        Api.Response page = fresh.send(fresh.request("/me/titles").GET());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/privacy/consent?next=%2Fme%2Ftitles");
        String notice = fresh.get("/privacy/consent?next=%2Fme%2Ftitles").body();
        assertThat(notice).contains("个人信息保护告知书", "身份证号码和个人电子证件照片属于敏感个人信息", "同意并继续");
        assertThat(api.get("/privacy").body()).as("public").contains("个人信息保护告知书").doesNotContain("同意并继续");

        Api.Response agreed = fresh.postForm("/privacy/consent", java.util.Map.of("_csrf", fresh.csrf(),
                "next", "/me/titles"));
        assertThat(agreed.status()).isEqualTo(302);
        assertThat(agreed.header("Location")).endsWith("/me/titles");
        assertThat(fresh.get("/api/v1/me").json().get("privacyConsentRequired").asBoolean()).isFalse();
        assertThat(fresh.get("/api/v1/me/profile").status()).isEqualTo(200);
        assertThat(platform.system().get("/api/v1/audit?action=PRIVACY_CONSENT&size=200").json()
                .findValuesAsText("actor")).isNotEmpty();
    }
}
