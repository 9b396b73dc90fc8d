package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Findings 5 and 6 of the security review, behind a TLS reverse proxy: forwarding headers count from the
 * configured proxy only. Through it, cookies are Secure with the {@code __Host-} prefix, responses carry HSTS,
 * and each client has its own throttle and its own address in the audit log. A stranger sending the same
 * headers gets none of that.
 */
class ReverseProxyIT {

    private static final String PROXY = "127.0.0.77";
    private static final Platform platform = Platform.shared();
    private static Api system;

    @BeforeAll
    static void aTrustedProxy() {
        system = platform.system();
        platform.config("org.titlecert.http", "trustedProxies = " + PROXY);
        // the configuration reaches both the web UI and the API within a moment
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (through(PROXY, "10.9.9.1").get("/api/v1/health").header("Strict-Transport-Security") == null) {
            assertThat(System.nanoTime()).as("proxy configuration applied").isLessThan(deadline);
            Platform.sleep(200);
        }
    }

    @AfterAll
    static void noProxy() {
        platform.config("org.titlecert.http", "trustedProxies = ");
        // the change reaches the components a moment later: let it settle before the next test class
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (through(PROXY, "10.9.9.1").get("/api/v1/health").header("Strict-Transport-Security") != null
                && System.nanoTime() < deadline) {
            Platform.sleep(200);
        }
        Platform.sleep(1_000);
    }

    private static RawHttp through(String peer, String client) {
        return new RawHttp(peer, platform.port()).with("X-Forwarded-For", client).with("X-Forwarded-Proto", "https");
    }

    private static String login(DemoAccounts.Account a) {
        return "{\"kind\":\"individual\",\"login\":\"" + a.login() + "\",\"password\":\"" + a.secret() + "\"}";
    }

    private static JsonNode lastLogin() {
        return system.get("/api/v1/audit?action=LOGIN&outcome=SUCCESS&size=1").json().at("/items/0");
    }

    @Test
    void throughTheProxyCookiesAreSecureAndTheClientIsNamed() {
        DemoAccounts.Account person = platform.accounts().all("individual").get(1);
        RawHttp.Reply r = through(PROXY, "198.51.100.7").postJson("/api/v1/auth/login", login(person));
        assertThat(r.status()).isEqualTo(200);
        String cookie = r.headers("Set-Cookie").stream().filter(c -> c.startsWith("__Host-TCSESSION=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Secure").contains("Path=/").contains("HttpOnly").doesNotContain("Domain");
        assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(lastLogin().get("address").asText()).isEqualTo("198.51.100.7");

        String token = cookie.substring("__Host-TCSESSION=".length(), cookie.indexOf(';'));
        RawHttp.Reply me = through(PROXY, "198.51.100.7").with("Cookie", "__Host-TCSESSION=" + token).get("/api/v1/me");
        assertThat(me.status()).as("the secure cookie is a session").isEqualTo(200);

        RawHttp.Reply page = through(PROXY, "198.51.100.7").get("/login");
        assertThat(page.header("Strict-Transport-Security")).as("pages too").startsWith("max-age=");
        assertThat(page.headers("Set-Cookie")).anyMatch(c -> c.startsWith("TCCSRF=") && c.contains("; Secure"));
    }

    @Test
    void aStrangersForwardingHeadersAreIgnored() {
        DemoAccounts.Account person = platform.accounts().all("individual").get(1);
        RawHttp.Reply r = through("127.0.0.78", "198.51.100.8").postJson("/api/v1/auth/login", login(person));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("Set-Cookie")).anyMatch(c -> c.startsWith("TCSESSION=") && !c.contains("Secure"));
        assertThat(r.header("Strict-Transport-Security")).isNull();
        assertThat(lastLogin().get("address").asText()).isEqualTo("127.0.0.78");
    }

    @Test
    void oneClientsGuessesBehindTheProxyDoNotLockOutTheOthers() {
        RawHttp attacker = through(PROXY, "203.0.113.66");
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            RawHttp.Reply r = attacker.postJson("/api/v1/auth/login",
                    "{\"kind\":\"individual\",\"login\":\"1390000" + String.format("%04d", i) + "\",\"password\":\"x1\"}");
            throttled += r.status() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("the attacker's own address is throttled").isPositive();
        List<DemoAccounts.Account> people = platform.accounts().all("individual");
        RawHttp.Reply other = through(PROXY, "203.0.113.67").postJson("/api/v1/auth/login", login(people.get(2)));
        assertThat(other.status()).as("another client behind the same proxy").isEqualTo(200);
    }
}
