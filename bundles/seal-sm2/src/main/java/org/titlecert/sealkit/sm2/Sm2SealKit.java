package org.titlecert.sealkit.sm2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.titlecert.sealkit.SealKit;

/** Makes SM2 keys and certificates, keystores of them, and electronic seals (SESeal v4, GB/T 38540). */
public final class Sm2SealKit {

    /** BouncyCastle, which knows SM2 and SM3; an instance of its own, whether or not one is registered. */
    public static final Provider BC = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2SealKit() {
    }

    /** A self-signed SM2 certification authority: it issues signing certificates and, as seal maker, makes seals. */
    public static SealKit.Issued authority(String commonName, Duration validity) {
        KeyPair pair = sm2();
        return new SealKit.Issued(pair.getPrivate(), SealKit.issue(commonName, pair.getPublic(), null, pair.getPrivate(),
                validity, "SM3withSM2", BC));
    }

    /** An SM2 signing certificate for {@code commonName} (the seal's holder), issued by the authority. */
    public static SealKit.Issued signer(SealKit.Issued authority, String commonName, Duration validity) {
        KeyPair pair = sm2();
        return new SealKit.Issued(pair.getPrivate(), SealKit.issue(commonName, pair.getPublic(), authority, null,
                validity, "SM3withSM2", BC));
    }

    /**
     * An electronic seal (SESeal v4, DER): the seal's name, its image (PNG) and size in millimetres, and the signer's
     * certificate it is bound to, signed with SM2/SM3 by the seal maker.
     */
    public static byte[] seal(SealKit.Issued maker, X509Certificate signer, String name, byte[] png, int millimetres,
                              Duration validity) {
        try {
            ASN1EncodableVector certs = new ASN1EncodableVector(1);
            certs.add(new DEROctetString(signer.getEncoded()));
            Instant now = Instant.now();
            SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                    .setType(new ASN1Integer(1)) // 单位印章
                    .setName(new DERUTF8String(name))
                    .setCertListType(SES_ESPropertyInfo.CertListType)
                    .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(certs)))
                    .setCreateDate(new ASN1GeneralizedTime(Date.from(now)))
                    .setValidStart(new ASN1GeneralizedTime(Date.from(now.minus(Duration.ofDays(1)))))
                    .setValidEnd(new ASN1GeneralizedTime(Date.from(now.plus(validity))));
            SES_ESPictrueInfo picture = new SES_ESPictrueInfo().setType("PNG").setData(png)
                    .setWidth(millimetres).setHeight(millimetres);
            SES_SealInfo info = new SES_SealInfo()
                    .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("TitleCert")))
                    .setEsID(new DERIA5String(UUID.randomUUID().toString().replace("-", "")))
                    .setProperty(property)
                    .setPicture(picture);
            Signature sign = Signature.getInstance("SM3withSM2", BC);
            sign.initSign(maker.key());
            sign.update(info.getEncoded("DER"));
            return new SESeal().seteSealInfo(info).setCert(maker.certificate())
                    .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3).setSignedValue(sign.sign()).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the seal", e);
        }
    }

    /** A PKCS#12 keystore (BouncyCastle's, which keeps SM2 keys) with the signer's key and chain under {@code alias}. */
    public static void writePkcs12(Path file, char[] password, String alias, SealKit.Issued signer,
                                   SealKit.Issued authority) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", BC);
            ks.load(null, null);
            ks.setKeyEntry(alias, signer.key(), password,
                    new java.security.cert.Certificate[] {signer.certificate(), authority.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            SealKit.writeOwnerOnly(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair sm2() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC", BC);
            gen.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
