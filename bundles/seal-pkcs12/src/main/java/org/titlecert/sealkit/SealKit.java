package org.titlecert.sealkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.imageio.ImageIO;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.titlecert.font.CjkFont;

/** Makes seal keys, certificates, keystores and images. */
public final class SealKit {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SealKit() {
    }

    /** A key with its certificate. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
    }

    /** A self-signed seal certification authority. */
    public static Issued authority(String commonName, Duration validity) {
        KeyPair pair = rsa(3072);
        return new Issued(pair.getPrivate(), issue(commonName, pair.getPublic(), null, pair.getPrivate(), validity,
                "SHA256withRSA", null));
    }

    /** A seal certificate for {@code commonName}, issued by the authority. */
    public static Issued seal(Issued authority, String commonName, Duration validity) {
        KeyPair pair = rsa(2048);
        return new Issued(pair.getPrivate(), issue(commonName, pair.getPublic(), authority, null, validity,
                "SHA256withRSA", null));
    }

    /** Writes a PKCS#12 keystore with the seal's key under {@code alias} and the chain up to the authority. */
    public static void writePkcs12(Path file, char[] password, String alias, Issued seal, Issued authority) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, seal.key(), password, new Certificate[] {seal.certificate(), authority.certificate()});
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ks.store(out, password);
            writeOwnerOnly(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a secret (a keystore, a password file) readable by the owner alone from the moment it exists: the
     * file is created with mode 0600, never widened later. Elsewhere than on POSIX file systems the folder's
     * permissions apply.
     */
    public static void writeOwnerOnly(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate in PEM, for a trust folder. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A round red seal as a PNG with transparency: the name along the rim, a star in the middle and the
     * purpose below it, in the manner of a Chinese official seal.
     */
    public static byte[] image(String name, String purpose) {
        int size = 600;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color red = new Color(0xD8, 0x1E, 0x26, 0xE6);
        g.setColor(red);
        g.setStroke(new BasicStroke(18f));
        g.drawOval(15, 15, size - 30, size - 30);
        g.fill(star(size / 2.0, size / 2.0, 95, 38));
        int n = name.codePointCount(0, name.length());
        double step = Math.min(0.34, Math.PI * 1.25 / Math.max(1, n - 1));
        double sweep = step * (n - 1);
        // long names get smaller characters so that neighbours along the rim do not touch
        Font font = font().deriveFont(Font.PLAIN, (float) Math.min(62, step * 215 * 0.92));
        double start = -Math.PI / 2 - sweep / 2;
        int[] cps = name.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            double angle = n == 1 ? -Math.PI / 2 : start + sweep * i / (n - 1);
            AffineTransform at = new AffineTransform();
            at.translate(size / 2.0 + Math.cos(angle) * 215, size / 2.0 + Math.sin(angle) * 215);
            at.rotate(angle + Math.PI / 2);
            g.setTransform(at);
            g.setFont(font);
            String ch = new String(cps, i, 1);
            g.drawString(ch, -g.getFontMetrics().stringWidth(ch) / 2f, font.getSize2D() * 0.36f);
        }
        g.setTransform(new AffineTransform());
        g.setFont(font.deriveFont(46f));
        g.drawString(purpose, size / 2f - g.getFontMetrics().stringWidth(purpose) / 2f, size / 2f + 150);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                p.moveTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
            } else {
                p.lineTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
            }
        }
        p.closePath();
        return p;
    }

    private static Font font() {
        try (InputStream in = CjkFont.SANS_BOLD.open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(bits, RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keystore's first key entry's alias. */
    public static String firstKey(KeyStore ks) throws GeneralSecurityException {
        for (String a : java.util.Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                return a;
            }
        }
        throw new GeneralSecurityException("the keystore holds no private key");
    }

    /**
     * A certificate for {@code commonName}'s key, issued by {@code authority}, or self-signed with {@code selfKey} as a
     * certification authority (which also signs what it makes: seals) when the authority is {@code null}.
     *
     * @param algorithm the signature algorithm: SHA256withRSA, SM3withSM2
     * @param provider  the JCA provider to sign with, {@code null} for the default
     */
    public static X509Certificate issue(String commonName, PublicKey key, Issued authority, PrivateKey selfKey,
                                        Duration validity, String algorithm, java.security.Provider provider) {
        boolean ca = authority == null;
        X500Principal subject = new X500Principal("CN=" + commonName.replace(",", "\\,") + ", O=TitleCert, C=CN");
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca ? subject
                    : authority.certificate().getSubjectX500Principal(), new BigInteger(64, RANDOM),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            if (provider != null) {
                signer.setProvider(provider);
                converter.setProvider(provider);
            }
            return converter.getCertificate(b.build(signer.build(ca ? selfKey : authority.key())));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue a seal certificate", e);
        }
    }
}
