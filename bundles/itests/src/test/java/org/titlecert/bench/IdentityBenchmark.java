package org.titlecert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.itests.Api;
import org.titlecert.itests.DemoAccounts;
import org.titlecert.itests.Platform;

/** Issue 3's figure: login latency with the default Argon2id parameters (m = 19 MiB, t = 2, p = 1). */
class IdentityBenchmark {

    private static Platform platform;

    @BeforeAll
    static void boot() {
        platform = Platform.create("bench-identity");
        platform.configureForTests();
        platform.start();
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @Test
    void loginLatency() {
        Api api = platform.api();
        DemoAccounts.Account person = platform.accounts().first("individual");
        DemoAccounts.Account admin = platform.accounts().first("sysadmin");
        for (int i = 0; i < 20; i++) {
            api.login("individual", person.login(), person.secret());
        }
        double[] individual = new double[300];
        for (int i = 0; i < individual.length; i++) {
            long t0 = System.nanoTime();
            Api.Response r = api.post("/api/v1/auth/login", Map.of("kind", "individual", "login", person.login(),
                    "password", person.secret()));
            individual[i] = (System.nanoTime() - t0) / 1e6;
            assertThat(r.status()).isEqualTo(200);
        }
        double[] adminLogin = new double[200];
        for (int i = 0; i < adminLogin.length; i++) {
            String[] c = api.captcha();
            long t0 = System.nanoTime();
            Api.Response r = api.post("/api/v1/auth/login", Map.of("kind", "admin", "login", admin.login(),
                    "password", admin.secret(), "captchaId", c[0], "captchaAnswer", c[1]));
            adminLogin[i] = (System.nanoTime() - t0) / 1e6;
            assertThat(r.status()).isEqualTo(200);
        }
        Figures.report(String.format("individual login (Argon2id m=19456 KiB, t=2, p=1): p50 %.1f ms, p95 %.1f ms, "
                + "p99 %.1f ms (%d logins, one client)", Figures.percentile(individual, 50),
                Figures.percentile(individual, 95), Figures.percentile(individual, 99), individual.length));
        Figures.report(String.format("admin login with captcha check: p50 %.1f ms, p95 %.1f ms (%d logins)",
                Figures.percentile(adminLogin, 50), Figures.percentile(adminLogin, 95), adminLogin.length));
    }
}
