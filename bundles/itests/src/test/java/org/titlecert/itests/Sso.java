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
