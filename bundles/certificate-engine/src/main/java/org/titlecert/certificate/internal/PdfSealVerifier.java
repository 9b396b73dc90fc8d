package org.titlecert.certificate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.titlecert.seal.SealCheck;
import org.titlecert.seal.SealReport;
import org.titlecert.seal.SealVerifier;

/**
 * Checks every signature of a PDF: that the signed bytes and the signature match (intact), that the signer
 * chains to a seal certificate in the trust folder at the signing time (trusted), the RFC 3161 timestamp
 * if there is one, and that nothing was appended after the last signature.
 */
@Component(service = SealVerifier.class, configurationPid = EngineConfig.PID)
public class PdfSealVerifier implements SealVerifier {

    private final Path trust;
    private volatile Trust anchors = new Trust(-1, Set.of());

    /** The trust anchors and when their folder last changed. */
    private record Trust(long stamp, Set<TrustAnchor> anchors) {
    }

    @Activate
    public PdfSealVerifier(EngineConfig config) {
        this(config.trustDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "titlecert-trust") : Path.of(config.trustDirectory()));
    }

    public PdfSealVerifier(Path trust) {
        this.trust = trust;
    }

    @Override
    public SealReport verify(byte[] pdf) {
        List<SealCheck> checks = new ArrayList<>();
        long covered = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDSignature s : doc.getSignatureDictionaries()) {
                int[] range = s.getByteRange();
                if (range == null || range.length != 4 || range[0] != 0 || range[2] + (long) range[3] > pdf.length) {
                    checks.add(new SealCheck(s.getName(), null, false, false, false, "签名范围无效"));
                    continue;
                }
                covered = Math.max(covered, range[2] + (long) range[3]);
                checks.add(check(s, s.getContents(pdf), s.getSignedContent(pdf)));
            }
        } catch (IOException e) {
            return new SealReport(List.of(new SealCheck(null, null, false, false, false, "文件不是有效的 PDF")), true);
        }
        return new SealReport(checks, !checks.isEmpty() && covered != pdf.length);
    }

    private SealCheck check(PDSignature s, byte[] contents, byte[] signed) {
        Instant claimed = s.getSignDate() == null ? null : s.getSignDate().toInstant();
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = cms.getCertificates();
            X509CertificateHolder holder = (X509CertificateHolder) store.getMatches(si.getSID()).iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate cert = converter.getCertificate(holder);
            boolean intact;
            try {
                intact = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (CMSSignerDigestMismatchException e) {
                intact = false;
            }
            Instant time = claimed;
            boolean stamped = false;
            Attribute ts = si.getUnsignedAttributes() == null ? null
                    : si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (ts != null) {
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(ts.getAttrValues().getObjectAt(0)));
                byte[] imprint = MessageDigest.getInstance("SHA-256").digest(si.getSignature());
                Object tsaMatch = token.getCertificates().getMatches(token.getSID()).stream().findFirst().orElse(null);
                X509CertificateHolder tsa = (X509CertificateHolder) tsaMatch;
                stamped = tsa != null && Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())
                        && token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
                if (stamped) {
                    time = token.getTimeStampInfo().getGenTime().toInstant();
                }
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (X509CertificateHolder h : store.getMatches(null)) {
                chain.add(converter.getCertificate(h));
            }
            boolean trusted = chains(cert, chain, time == null ? Instant.now() : time);
            String problem = !intact ? "签名与文件内容不符，文件已被篡改"
                    : !trusted ? "签章证书不是本平台信任的电子印章证书" : ts != null && !stamped ? "时间戳无效" : null;
            return new SealCheck(commonName(cert), time, stamped, intact, trusted, problem);
        } catch (Exception e) {
            return new SealCheck(s.getName(), claimed, false, false, false, "签名数据无法解析");
        }
    }

    /** True if a certification path leads from the signer to a trusted seal certificate, valid at {@code at}. */
    private boolean chains(X509Certificate signer, List<X509Certificate> certificates, Instant at) {
        Set<TrustAnchor> trusted = anchors();
        if (trusted.isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trusted, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The certificates in the trust folder (PEM or DER), read again when the folder changes. */
    private Set<TrustAnchor> anchors() {
        try {
            if (!Files.isDirectory(trust)) {
                return Set.of();
            }
            long stamp = Files.getLastModifiedTime(trust).toMillis();
            try (Stream<Path> files = Files.list(trust)) {
                stamp = stamp * 31 + files.mapToLong(f -> f.toFile().lastModified()).sum();
            }
            Trust current = anchors;
            if (current.stamp() == stamp) {
                return current.anchors();
            }
            Set<TrustAnchor> found = new HashSet<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            try (Stream<Path> files = Files.list(trust)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(pem|crt|cer)$")).toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        factory.generateCertificates(in).forEach(c -> found.add(new TrustAnchor((X509Certificate) c, null)));
                    }
                }
            }
            anchors = new Trust(stamp, Set.copyOf(found));
            return found;
        } catch (Exception e) {
            return Set.of();
        }
    }

    static String commonName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return dn;
    }
}
