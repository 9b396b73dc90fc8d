package org.titlecert.identity.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.titlecert.api.TitleCertException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * The relying-party side of OpenID Connect: the authorization-code flow with PKCE, and ID token
 * validation (signature against the provider's JWKS, issuer, audience, expiry, nonce) with Nimbus JOSE.
 */
final class OidcClient {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private record Endpoints(String issuer, String authorization, String token, JWKSource<SecurityContext> keys) {
    }

    private final OidcConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Endpoints endpoints;

    OidcClient(OidcConfig config) {
        this.config = config;
        String issuer = config.issuer();
        if (!issuer.startsWith("https://") && !isLoopback(issuer)) {
            throw new IllegalArgumentException("the SSO issuer must use https: " + issuer);
        }
    }

    String authorizationUrl(String state, String nonce, String codeVerifier) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId());
        q.put("redirect_uri", config.redirectUri());
        q.put("scope", config.scope());
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", Secrets.sha256Base64Url(codeVerifier));
        q.put("code_challenge_method", "S256");
        String auth = endpoints().authorization();
        return auth + (auth.contains("?") ? "&" : "?") + form(q);
    }

    /** Exchanges the code and returns the validated ID token's claims. */
    JWTClaimsSet exchange(String code, String codeVerifier, String nonce) {
        Endpoints e = endpoints();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", config.redirectUri());
        body.put("code_verifier", codeVerifier);
        String basic = Base64.getEncoder().encodeToString((enc(config.clientId()) + ":" + enc(secret()))
                .getBytes(StandardCharsets.UTF_8));
        String idToken;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(e.token()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw ssoFailed("token endpoint answered " + r.statusCode());
            }
            idToken = JSONObjectUtils.getString(JSONObjectUtils.parse(r.body()), "id_token");
        } catch (IOException | ParseException ex) {
            throw ssoFailed(ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ssoFailed("interrupted");
        }
        if (idToken == null) {
            throw ssoFailed("no id_token");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, e.keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.clientId(),
                new JWTClaimsSet.Builder().issuer(e.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException ex) {
            throw new TitleCertException(TitleCertException.Kind.UNAUTHENTICATED, "SSO_TOKEN_INVALID",
                    "统一身份认证返回的身份凭证无效，请重新登录", null);
        }
    }

    private Endpoints endpoints() {
        Endpoints e = endpoints;
        if (e == null) {
            e = discover();
            endpoints = e;
        }
        return e;
    }

    private Endpoints discover() {
        String url = config.issuer().replaceAll("/$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw ssoFailed("discovery answered " + r.statusCode());
            }
            Map<String, Object> doc = JSONObjectUtils.parse(r.body());
            String issuer = JSONObjectUtils.getString(doc, "issuer");
            if (!config.issuer().replaceAll("/$", "").equals(issuer.replaceAll("/$", ""))) {
                throw ssoFailed("discovery issuer " + issuer + " differs from the configured one");
            }
            URL jwks = new URL(JSONObjectUtils.getString(doc, "jwks_uri"));
            return new Endpoints(issuer, JSONObjectUtils.getString(doc, "authorization_endpoint"),
                    JSONObjectUtils.getString(doc, "token_endpoint"),
                    JWKSourceBuilder.create(jwks).retrying(true).build());
        } catch (IOException | ParseException ex) {
            throw ssoFailed(ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ssoFailed("interrupted");
        }
    }

    private String secret() {
        try {
            return Files.readString(Path.of(config.clientSecretFile())).strip();
        } catch (IOException e) {
            throw ssoFailed("cannot read the client secret file");
        }
    }

    private static TitleCertException ssoFailed(String why) {
        org.slf4j.LoggerFactory.getLogger(OidcClient.class).warn("Government SSO failed: {}", why);
        return new TitleCertException(TitleCertException.Kind.UNAVAILABLE, "SSO_UNAVAILABLE",
                "统一身份认证服务暂时不可用，请稍后重试", null);
    }

    private static boolean isLoopback(String url) {
        try {
            String host = new URL(url).getHost();
            return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        } catch (MalformedURLException e) {
            return false;
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(p -> enc(p.getKey()) + "=" + enc(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
