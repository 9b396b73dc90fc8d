package org.titlecert.itests;

import java.util.concurrent.atomic.AtomicReference;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * A real OpenID provider for the tests (mock-oauth2-server), in the test JVM on a free port. A test can
 * make the token endpoint's next answer carry an ID token of its own making (tampered, expired).
 */
public final class Sso {

    public static final String ISSUER_ID = "default";
    public static final String CLIENT_ID = "titlecert";
    private static final AtomicReference<String> NEXT_ID_TOKEN = new AtomicReference<>();
    private static MockOAuth2Server server;

    private Sso() {
    }

    /** Answers the next token request with this ID token instead of a genuine one. */
    public static void nextTokenResponse(String idToken) {
        NEXT_ID_TOKEN.set(idToken);
    }

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server(new DoctoredToken());
            server.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    public static String issuer() {
        return server().issuerUrl(ISSUER_ID).toString();
    }

    /**
     * A whole browser login through the provider as this person: {@code /login/sso}, the provider's redirect
     * back, the callback; returns the session it ends in. The ID token is made for this flow's nonce, so
     * identities other tests left queued on the provider do not matter.
     */
    public static Api loginWithoutConsent(Platform platform, String idNumber, String name) {
        Api api = platform.api();
        Api.Response start = api.send(api.request("/login/sso").GET());
        String binding = start.cookie("TCSSO");
        String nonce = java.util.Arrays.stream(java.net.URI.create(start.header("Location")).getRawQuery().split("&"))
                .filter(kv -> kv.startsWith("nonce=")).map(kv -> java.net.URLDecoder.decode(kv.substring(6),
                        java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElseThrow();
        nextTokenResponse(server().issueToken(ISSUER_ID, CLIENT_ID, new no.nav.security.mock.oauth2.token
                .DefaultOAuth2TokenCallback(ISSUER_ID, "sso-" + idNumber, com.nimbusds.jose.JOSEObjectType.JWT.getType(),
                java.util.List.of(CLIENT_ID), java.util.Map.of("nonce", nonce, "id_number", idNumber, "name", name),
                3600)).serialize());
        Api.Response authorized = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(start.header("Location"))).GET());
        Api.Response done = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(authorized.header("Location"))).header("Cookie", "TCSSO=" + binding).GET());
        if (done.status() != 302 || done.cookie("TCSESSION") == null) {
            throw new AssertionError("SSO login failed: " + done.status() + " " + done.body());
        }
        Api session = api.withSession(done.cookie("TCSESSION"), "");
        return session.withSession(done.cookie("TCSESSION"), session.get("/api/v1/me").json().path("csrfToken").asText(""));
    }

    /** Signs in through the SSO and agrees to the privacy notice, as a person does on their first sign-in. */
    public static Api login(Platform platform, String idNumber, String name) {
        Api session = loginWithoutConsent(platform, idNumber, name);
        if (session.get("/api/v1/me").json().path("privacyConsentRequired").asBoolean()) {
            Api.Response agreed = session.post("/api/v1/me/privacy-consent", "");
            if (agreed.status() != 204) {
                throw new AssertionError("consent refused: " + agreed.status() + " " + agreed.body());
            }
        }
        return session;
    }

    /** Matches only a token request while a doctored token is waiting. */
    private static final class DoctoredToken implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().endsWith("/token") && NEXT_ID_TOKEN.get() != null;
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String token = NEXT_ID_TOKEN.getAndSet(null);
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200,
                    "{\"access_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + token + "\"}",
                    null);
        }
    }
}
