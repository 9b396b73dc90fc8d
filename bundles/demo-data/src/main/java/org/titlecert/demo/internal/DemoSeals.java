package org.titlecert.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import java.util.List;

import org.titlecert.demo.DemoSealIssuers;
import org.titlecert.sealkit.SealKit;

/**
 * Demo e-seals: a demo seal CA, trusted by the platform, and PKCS#12 seals for the first demo unit's
 * committee and issuing authority, each configured as a factory configuration in etc/. That unit's
 * certificates come out sealed; the other unit's stay unsealed, as where an issuer has no e-seal yet.
 */
public final class DemoSeals {

    private DemoSeals() {
    }

    /** The first demo unit's committee and issuing authority, whose certificates come out sealed. */
    public static List<DemoSealIssuers.Issuer> issuers() {
        DemoCatalog.Unit unit = DemoCatalog.UNITS.get(0);
        return List.of(new DemoSealIssuers.Issuer(unit.committeeCode(), unit.committeeName(), "评审专用章"),
                new DemoSealIssuers.Issuer(unit.authorityCode(), unit.authorityName(), "职称专用章"));
    }

    /** The demo seal CA's certificate, which the platform trusts; it exists once the demo made its seals. */
    public static Path trust(Path etc) {
        return etc.resolve("titlecert-trust").resolve("demo-seal-ca.pem");
    }

    /** Creates what is missing; the seal bundle picks the configurations up from etc/. */
    static void create(Path etc, Path data) {
        Path folder = data.resolve("seals");
        Path trust = trust(etc);
        if (Files.exists(trust)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            SealKit.Issued ca = SealKit.authority("TitleCert 演示电子印章根证书", Duration.ofDays(3650));
            for (DemoSealIssuers.Issuer issuer : issuers()) {
                seal(etc, folder, ca, issuer.code(), issuer.name(), issuer.purpose());
            }
            Files.createDirectories(trust.getParent());
            Files.writeString(trust, SealKit.pem(ca.certificate()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void seal(Path etc, Path folder, SealKit.Issued ca, String code, String name, String purpose)
            throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path passwordFile = folder.resolve(code + ".password");
        SealKit.writeOwnerOnly(passwordFile, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        Path keystore = folder.resolve(code + ".p12");
        SealKit.writePkcs12(keystore, password.toCharArray(), "seal",
                SealKit.seal(ca, name, Duration.ofDays(3 * 365)), ca);
        Path image = folder.resolve(code + ".png");
        Files.write(image, SealKit.image(name, purpose));
        // written beside and moved in whole: the configuration watcher must never read half a file
        Path cfg = etc.resolve("org.titlecert.seal.pkcs12-demo" + code + ".cfg");
        Path partial = etc.resolve(cfg.getFileName() + ".partial");
        Files.writeString(partial, String.join("\n",
                "# Demo e-seal of " + name + ", made with the demo data",
                "seal.issuer = " + code,
                "keystore = " + keystore.toAbsolutePath(),
                "passwordFile = " + passwordFile.toAbsolutePath(),
                "image = " + image.toAbsolutePath(), ""), StandardCharsets.UTF_8);
        Files.move(partial, cfg, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
