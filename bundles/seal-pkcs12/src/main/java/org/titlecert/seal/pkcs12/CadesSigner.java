package org.titlecert.seal.pkcs12;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A detached CMS signature as PAdES wants it (ETSI.CAdES.detached, baseline B-B): SHA-256, the
 * signing-certificate-v2 attribute, no CMS signing-time (the time is in the signature dictionary), and the
 * chain. With a timestamp server, the signature value gets an RFC 3161 timestamp (B-T).
 */
final class CadesSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final TimestampClient timestamps;

    CadesSigner(PrivateKey key, List<X509Certificate> chain, TimestampClient timestamps) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.timestamps = timestamps;
    }

    byte[] sign(byte[] content) throws IOException {
        try {
            X509Certificate cert = chain.get(0);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2[] {
                        new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash)}))));
            CMSAttributeTableGenerator attributes = params -> new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(signed)).getAttributes(params).remove(CMSAttributes.signingTime);
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).setSignedAttributeGenerator(attributes).build(signer, cert));
            gen.addCertificates(new JcaCertStore(chain));
            CMSSignedData data = gen.generate(new CMSProcessableByteArray(content), false);
            if (timestamps != null) {
                data = withTimestamp(data);
            }
            return data.getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign", e);
        }
    }

    /** Adds the signature-time-stamp-token attribute (RFC 3161 over the signature value) to the signer. */
    private CMSSignedData withTimestamp(CMSSignedData data) throws IOException {
        SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
        byte[] token = timestamps.token(si.getSignature());
        AttributeTable unsigned = si.getUnsignedAttributes() == null ? new AttributeTable(new ASN1EncodableVector())
                : si.getUnsignedAttributes();
        unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                org.bouncycastle.asn1.ASN1Primitive.fromByteArray(token));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, unsigned);
        return CMSSignedData.replaceSigners(data, new SignerInformationStore(stamped));
    }
}
