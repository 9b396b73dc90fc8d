package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Finding 7 of the security review: demo data is opt-in. A start as production starts it loads no demo
 * accounts, keys or seals; with demo data on, every page and the console say so, and the demo seal keys are
 * readable by the owner alone from the moment they exist.
 */
class DemoModeIT {

    @Test
    void aProductionStartHasNoDemoAccountsKeysOrSeals() throws Exception {
        Platform production = Platform.create("production");
        try {
            production.start();
            Path home = production.home();
            assertThat(home.resolve("data/demo-accounts.txt")).doesNotExist();
            assertThat(home.resolve("data/initial-admin.txt")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data/initial-admin.txt"))))
                    .isEqualTo("rw-------");
            try (Stream<Path> etc = Files.list(home.resolve("etc"))) {
                assertThat(etc.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("demo") && n.contains("seal"));
            }
            assertThat(home.resolve("etc/titlecert-trust/demo-seal-ca.pem")).doesNotExist();
            Api.Response home200 = production.api().send(production.api().request("/").GET());
            assertThat(home200.status()).isEqualTo(200);
            assertThat(home200.body()).doesNotContain("演示模式").doesNotContain("demo-banner");
            String console = Files.readString(home.resolve("console.log"));
            assertThat(console).doesNotContain("演示模式");
            assertThat(console).as("QR codes on localhost are called out (issue 16)")
                    .contains("二维码地址 publicBaseUrl = http://localhost:8181 是本机地址");
        } finally {
            production.stop();
        }
    }

    @Test
    void withDemoDataEveryPageAndTheConsoleSaySoAndSealKeysAreOwnerOnly() throws Exception {
        Platform demo = Platform.shared();
        for (String page : List.of("/", "/login", "/admin/login")) {
            Api.Response r = demo.api().send(demo.api().request(page).GET());
            assertThat(r.body()).as(page).contains("id=\"demo-banner\"").contains("演示模式");
        }
        assertThat(Files.readString(demo.home().resolve("console.log"))).contains("演示模式");
        // the tests' platform puts QR codes on 127.0.0.1: system admins are told on the seals page (issue 16)
        DemoAccounts.Account sys = demo.accounts().first("sysadmin");
        Api system = demo.api().login("admin", sys.login(), sys.secret());
        assertThat(system.send(system.request("/admin/seals").GET()).body()).contains("id=\"qr-warning\"")
                .contains("是本机地址，手机扫码打不开");
        Path seals = demo.home().resolve("data/seals");
        try (Stream<Path> files = Files.list(seals)) {
            List<Path> secrets = files.filter(p -> p.toString().endsWith(".p12") || p.toString().endsWith(".password"))
                    .toList();
            assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
            for (Path p : secrets) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                        .isEqualTo("rw-------");
            }
        }
    }
}
