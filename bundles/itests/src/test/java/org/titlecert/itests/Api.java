package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small JSON-over-HTTP client for the platform's REST API, anonymous or acting as one caller:
 * an API key (Bearer), or a session (cookie plus the CSRF header on state-changing calls).
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /** An upload (a photo ZIP of 2,000 people on a busy 2-core machine took over a minute) waits longer. */
    private static final Duration UPLOAD = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String bearer;
    private final String sessionCookie;
    private final String csrf;

    public Api(String base) {
        this(base, null, null, null);
    }

    private Api(String base, String bearer, String sessionCookie, String csrf) {
        this.base = base;
        this.bearer = bearer;
        this.sessionCookie = sessionCookie;
        this.csrf = csrf;
    }

    /** A response with its body as text, and as JSON on demand. */
    public record Response(int status, String contentType, String body, byte[] bytes, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The value the response sets for a cookie, or null. */
        public String cookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst().orElse(null);
        }
    }

    public Api withKey(String key) {
        return new Api(base, key, null, null);
    }

    public Api withSession(String cookie, String csrfToken) {
        return new Api(base, null, cookie, csrfToken);
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    public String csrf() {
        return csrf;
    }

    /** A captcha and, from the platform's test hook, its answer. */
    public String[] captcha() {
        Response r = get("/api/v1/captcha");
        JsonNode c = r.json();
        if (r.status() != 200 || c.get("testAnswer") == null) {
            throw new AssertionError("no test captcha (are the test hooks on?): " + r.status() + " " + r.body());
        }
        return new String[] {c.get("id").asText(), c.get("testAnswer").asText()};
    }

    /** Logs in over REST ({@code admin} or {@code individual}); fails the test if the login fails. */
    public Api login(String kind, String login, String password) {
        Response r = tryLogin(kind, login, password);
        if (r.status() == 429 && r.header("Retry-After") != null) {
            // another test's deliberate wrong password on this account a moment ago: wait as a person would
            Platform.sleep(1000L * Integer.parseInt(r.header("Retry-After")) + 200);
            r = tryLogin(kind, login, password);
        }
        if (r.status() != 200) {
            throw new AssertionError("login of " + login + " failed: " + r.status() + " " + r.body());
        }
        return withSession(r.cookie("TCSESSION"), r.json().get("csrfToken").asText());
    }

    public Response tryLogin(String kind, String login, String password) {
        String[] c = captcha();
        return post("/api/v1/auth/login", Map.of("kind", kind, "login", login, "password", password,
                "captchaId", c[0], "captchaAnswer", c[1]));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(json))));
    }

    public Response put(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(json))));
    }

    public Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                UPLOAD);
    }

    public Response putBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)),
                UPLOAD);
    }

    /** A form POST to a web page, with the CSRF token of this session. */
    public Response postForm(String path, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString())));
    }

    /** A request with this caller's credentials; a session adds its CSRF header. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (sessionCookie != null) {
            b.header("Cookie", "TCSESSION=" + sessionCookie);
            b.header("X-CSRF-Token", csrf);
        }
        return b;
    }

    public Response send(HttpRequest.Builder request) {
        return send(request, Duration.ofSeconds(60));
    }

    private Response send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    private static String write(Object json) {
        try {
            return json instanceof String s ? s : JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
