package org.titlecert.demo.sm2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.demo.DemoSealIssuers;
import org.titlecert.sealkit.SealKit;
import org.titlecert.sealkit.sm2.Sm2SealKit;

/**
 * Demo SM2 e-seals, made once where the demo made its PDF seals: a demo SM2 seal CA, trusted for the check of OFD
 * seals, and for each demo issuer a holder's keystore and its GB/T 38540 seal, configured as the SM2 seal bundle's
 * factory configurations in etc/ (which the running platform picks up: the demo unit's OFDs are sealed again).
 */
@Component(immediate = true)
public class DemoSm2Seals {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSm2Seals.class);
    static final String TRUST_FILE = "demo-sm2-ca.pem";

    @Activate
    void activate() {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        List<DemoSealIssuers.Issuer> issuers = create(etc, Path.of(System.getProperty("karaf.data", "data")));
        if (!issuers.isEmpty()) {
            LOG.info("Demo SM2 e-seals configured for {}", issuers.stream().map(DemoSealIssuers.Issuer::name).toList());
        }
    }

    /** Makes what is missing; the issuers sealed now, none if there was nothing to do. */
    static List<DemoSealIssuers.Issuer> create(Path etc, Path data) {
        List<DemoSealIssuers.Issuer> issuers = DemoSealIssuers.sealed(etc);
        Path trust = etc.resolve("titlecert-trust-sm2").resolve(TRUST_FILE);
        if (issuers.isEmpty() || Files.exists(trust)) {
            return List.of();
        }
        try {
            Path folder = Files.createDirectories(data.resolve("seals-sm2"));
            SealKit.Issued ca = Sm2SealKit.authority("TitleCert 演示 SM2 电子印章根证书", Duration.ofDays(3650));
            for (DemoSealIssuers.Issuer issuer : issuers) {
                seal(etc, folder, ca, issuer);
            }
            Files.createDirectories(trust.getParent());
            Files.writeString(trust, SealKit.pem(ca.certificate()), StandardCharsets.US_ASCII);
            return issuers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void seal(Path etc, Path folder, SealKit.Issued ca, DemoSealIssuers.Issuer issuer)
            throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        String code = issuer.code();
        Path passwordFile = folder.resolve(code + ".password");
        SealKit.writeOwnerOnly(passwordFile, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        Duration validity = Duration.ofDays(3 * 365);
        SealKit.Issued holder = Sm2SealKit.signer(ca, issuer.name(), validity);
        Path keystore = folder.resolve(code + ".p12");
        Sm2SealKit.writePkcs12(keystore, password.toCharArray(), "seal", holder, ca);
        Path sealFile = folder.resolve(code + ".esl");
        Files.write(sealFile, Sm2SealKit.seal(ca, holder.certificate(), issuer.name(),
                SealKit.image(issuer.name(), issuer.purpose()), 42, validity));
        // written beside and moved in whole: the configuration watcher must never read half a file
        Path cfg = etc.resolve("org.titlecert.seal.sm2-demo" + code.toLowerCase(Locale.ROOT) + ".cfg");
        Path partial = etc.resolve(cfg.getFileName() + ".partial");
        Files.writeString(partial, String.join("\n",
                "# Demo SM2 e-seal of " + issuer.name() + ", made with the demo data",
                "seal.issuer = " + code,
                "keystore = " + keystore.toAbsolutePath(),
                "passwordFile = " + passwordFile.toAbsolutePath(),
                "sealFile = " + sealFile.toAbsolutePath(), ""), StandardCharsets.UTF_8);
        Files.move(partial, cfg, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
