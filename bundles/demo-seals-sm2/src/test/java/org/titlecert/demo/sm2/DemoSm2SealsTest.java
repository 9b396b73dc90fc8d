package org.titlecert.demo.sm2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.io.Reader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.titlecert.demo.DemoSealIssuers;
import org.titlecert.demo.internal.DemoSeals;
import org.titlecert.seal.sm2.Sm2SealProvider;

class DemoSm2SealsTest {

    @Test
    void nothingWhereTheDemoMadeNoSeals(@TempDir Path home) throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc"));
        assertThat(DemoSm2Seals.create(etc, home.resolve("data"))).isEmpty();
        try (var files = Files.list(etc)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anSm2SealPerDemoIssuerThatTheSm2ProviderTakesAndATrustedCaOnce(@TempDir Path home) throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(DemoSeals.trust(etc).getParent());
        Files.writeString(DemoSeals.trust(etc), "demo PDF seal CA");
        var made = DemoSm2Seals.create(etc, home.resolve("data"));
        assertThat(made).isEqualTo(DemoSealIssuers.sealed(etc)).hasSize(2);
        assertThat(etc.resolve("titlecert-trust-sm2").resolve(DemoSm2Seals.TRUST_FILE)).content()
                .startsWith("-----BEGIN CERTIFICATE-----");
        for (DemoSealIssuers.Issuer issuer : made) {
            Path cfg = etc.resolve("org.titlecert.seal.sm2-demo" + issuer.code().toLowerCase() + ".cfg");
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(cfg)) {
                p.load(in);
            }
            assertThat(p.getProperty("seal.issuer")).isEqualTo(issuer.code());
            // the files it names are what the SM2 provider reads: its signer is the issuer
            var provider = new Sm2SealProvider(issuer.code(), Path.of(p.getProperty("keystore")),
                    Files.readString(Path.of(p.getProperty("passwordFile"))).strip().toCharArray(), null,
                    Path.of(p.getProperty("sealFile")));
            assertThat(provider.identity().subject()).contains(issuer.name());
        }
        assertThat(DemoSm2Seals.create(etc, home.resolve("data"))).as("once").isEmpty();
    }
}
