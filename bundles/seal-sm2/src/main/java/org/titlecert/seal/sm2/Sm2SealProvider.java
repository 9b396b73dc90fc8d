package org.titlecert.seal.sm2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.seal.SealException;
import org.titlecert.seal.SealIdentity;
import org.titlecert.seal.SealPlacement;
import org.titlecert.seal.SealProvider;
import org.titlecert.sealkit.SealKit;
import org.titlecert.sealkit.sm2.Sm2SealKit;

/** One SM2 electronic seal for OFD certificates, from a PKCS#12 keystore and a seal file, by factory configuration. */
@Component(service = SealProvider.class, configurationPid = Sm2SealConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = SealProvider.FORMAT + "=ofd")
@Designate(ocd = Sm2SealConfig.class, factory = true)
public class Sm2SealProvider implements SealProvider {

    private final String issuer;
    private final X509Certificate certificate;
    private final Sm2Sealer sealer;
    private final String revision;

    @Activate
    public Sm2SealProvider(Sm2SealConfig config) throws IOException, GeneralSecurityException {
        this(config.seal_issuer(), Path.of(config.keystore()), Files.readString(Path.of(config.passwordFile()),
                StandardCharsets.UTF_8).strip().toCharArray(), config.alias(), Path.of(config.sealFile()));
    }

    public Sm2SealProvider(String issuer, Path keystore, char[] password, String alias, Path sealFile)
            throws IOException, GeneralSecurityException {
        this.issuer = issuer;
        byte[] keystoreBytes = Files.readAllBytes(keystore);
        KeyStore ks = KeyStore.getInstance("PKCS12", Sm2SealKit.BC);
        ks.load(new ByteArrayInputStream(keystoreBytes), password);
        String name = alias == null || alias.isBlank() ? SealKit.firstKey(ks) : alias;
        PrivateKey key = (PrivateKey) ks.getKey(name, password);
        if (key == null) {
            throw new GeneralSecurityException("no private key " + name + " in " + keystore);
        }
        this.certificate = (X509Certificate) ks.getCertificate(name);
        byte[] esl = Files.readAllBytes(sealFile);
        this.sealer = new Sm2Sealer(key, certificate, esl);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(keystoreBytes);
        sha.update(esl);
        this.revision = HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    @Override
    public String id() {
        return "sm2:" + issuer;
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public SealIdentity identity() {
        return SealIdentity.of(certificate);
    }

    @Override
    public byte[] seal(byte[] ofd, SealPlacement placement) throws SealException {
        if (placement.avoid() != null && placement.area().overlaps(placement.avoid())) {
            throw new SealException("印章位置与二维码重叠，无法盖章", null);
        }
        return sealer.seal(ofd, placement);
    }
}
