package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Findings 9 and 10 of the security review. Anonymous writes are rate-limited (captchas, SSO logins started)
 * and every body is capped, JSON included; the login throttle counts per account, however the login is spelt.
 */
class AnonymousAbuseIT {

    private final Platform platform = Platform.shared();
    private final Api api = platform.api();

    /** Runs {@code attempt} with the identity settings lowered to these limits, and puts them back after. */
    private void withIdentityLimits(String limits, Runnable attempt) throws Exception {
        try {
            platform.config("org.titlecert.identity", Platform.IDENTITY_FOR_TESTS.replaceAll(
                    "(?m)^(captchasPerMinute|ssoStartsPerMinute).*\n", "") + limits.strip());
            attempt.run();
        } finally {
            platform.config("org.titlecert.identity", Platform.IDENTITY_FOR_TESTS.strip());
            Platform.sleep(3_000);
        }
    }

    /** Asks until the answer is 429, for as long as the new limit takes to arrive; returns that answer. */
    private static RawHttp.Reply untilRefused(Supplier<RawHttp.Reply> ask) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            RawHttp.Reply r = ask.get();
            if (r.status() == 429) {
                return r;
            }
            assertThat(r.status()).as(r.body()).isIn(200, 302);
            assertThat(System.nanoTime()).as("never refused").isLessThan(deadline);
            Platform.sleep(150);
        }
    }

    @Test
    void captchasAreRateLimitedPerAddress() throws Exception {
        withIdentityLimits("captchasPerMinute = 12\n", () -> {
            RawHttp.Reply refused = untilRefused(() -> new RawHttp("127.0.0.51", platform.port()).get("/api/v1/captcha"));
            assertThat(refused.body()).contains("CAPTCHA_RATE_LIMITED");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(new RawHttp("127.0.0.52", platform.port()).get("/api/v1/captcha").status())
                    .as("another address").isEqualTo(200);
        });
    }

    @Test
    void startingSsoLoginsIsRateLimitedPerAddress() throws Exception {
        withIdentityLimits("ssoStartsPerMinute = 8\n", () -> {
            RawHttp.Reply refused = untilRefused(() -> new RawHttp("127.0.0.53", platform.port()).get("/login/sso"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(new RawHttp("127.0.0.54", platform.port()).get("/login/sso").status()).isEqualTo(302);
        });
    }

    @Test
    void jsonBodiesAreCappedWhetherTheyDeclareALengthOrNot() {
        String big = "{\"kind\":\"individual\",\"login\":\"" + "1".repeat(600 * 1024) + "\",\"password\":\"x\"}";
        Api.Response declared = api.post("/api/v1/auth/login", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        Api.Response chunked = api.send(api.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE").doesNotContain("Exception");
    }

    /**
     * The public PDF check takes a multipart form too (generated clients upload so): an anonymous 60 MB form is
     * refused at the check's own limit, without the platform first buffering it to disk.
     */
    @Test
    void anAnonymousMultipartUploadIsCutOffAtTheCheckLimit() throws Exception {
        java.nio.file.Path tmp = platform.home().resolve("data/tmp");
        long before = folderBytes(tmp);
        String boundary = "----titlecert" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
        long size = 60L * 1024 * 1024;
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream body = new java.io.SequenceInputStream(new ByteArrayInputStream(head), new java.io.InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < size ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                if (sent % (8L * 1024 * 1024) < len) {
                    peak.accumulateAndGet(folderBytes(tmp) - before, Math::max);
                }
                int n = (int) Math.min(len, size - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                sent += n;
                return n;
            }
        });
        String check = "/api/v1/verify/AAAAAAAAAAAAAAAAAAAAAA/check";
        // streamed without a length: the platform stops reading at the cap and closes the connection
        long t0 = System.nanoTime();
        try {
            Api.Response r = api.send(api.request(check).header("Content-Type", "multipart/form-data; boundary="
                    + boundary).POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
            assertThat(r.status()).as(r.body()).isEqualTo(413);
        } catch (java.io.UncheckedIOException cutOff) {
            // the client was still sending when the platform answered and closed: refused all the same
        }
        assertThat(peak.get()).as("bytes the platform buffered to disk meanwhile").isLessThan(8L * 1024 * 1024);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
        // with a declared length (and Expect: 100-continue, as curl sends it) the answer comes before the body
        byte[] sevenMb = new byte[7 * 1024 * 1024];
        Api.Response declared = api.send(api.request(check).expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sevenMb)));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.get("/api/v1/health").json().get("status").asText()).isEqualTo("UP");
    }

    private static long folderBytes(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    @Test
    void theThrottleCountsPerAccountWhicheverWayTheLoginIsSpelt() {
        DemoAccounts.Account person = platform.accounts().all("individual").get(2);
        String mobile = "139" + String.format("%08d", 55_000_000 + 2 * 7919); // as the demo data numbers them
        String[] spellings = {person.scope(), mobile, person.scope().toLowerCase(), mobile, person.scope()};
        for (int i = 0; i < spellings.length; i++) {
            RawHttp.Reply r = new RawHttp("127.0.0." + (60 + i), platform.port()).postJson("/api/v1/auth/login",
                    "{\"kind\":\"individual\",\"login\":\"" + spellings[i] + "\",\"password\":\"wrong" + i + "x\"}");
            assertThat(r.status()).isEqualTo(401);
        }
        RawHttp.Reply next = new RawHttp("127.0.0.66", platform.port()).postJson("/api/v1/auth/login",
                "{\"kind\":\"individual\",\"login\":\"" + mobile + "\",\"password\":\"" + person.secret() + "\"}");
        assertThat(next.status()).as("five failures of one account under three spellings: " + next.body())
                .isIn(400, 429);
        Platform.sleep(2_500);
        assertThat(api.login("individual", mobile, person.secret()).get("/api/v1/me").status())
                .as("the owner, with the captcha, after the short wait").isEqualTo(200);
    }
}
