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
import org.titlecert.api.TitleCertException;
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

    /** A seal's CMS is about 3 KB, 11 KB with a timestamp; far more is no seal of ours. */
    private static final int MAX_SIGNATURE_BYTES = 64 * 1024;
    /** Signer, CA and timestamp authority, with room to spare. */
    private static final int MAX_CERTIFICATES = 8;
    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path trust;
    private final int maxSignatures;
    private volatile Trust anchors = new Trust(-1, Set.of());

    /** The trust anchors and when their folder last changed. */
    private record Trust(long stamp, Set<TrustAnchor> anchors) {
    }

    @Activate
    public PdfSealVerifier(EngineConfig config) {
        this(config.trustDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "titlecert-trust") : Path.of(config.trustDirectory()),
                config.checkMaxSignatures());
    }

    public PdfSealVerifier(Path trust, int maxSignatures) {
        this.trust = trust;
        this.maxSignatures = maxSignatures;
    }

    /**
     * Anything that is not a PDF, or that exceeds the caps (signatures, signature size, certificates per
     * signature), is refused with {@link TitleCertException} before a single byte is hashed: an anonymous
     * upload must cost the server little.
     */
    @Override
    public SealReport verify(byte[] pdf) {
        if (occurrences(pdf, BYTE_RANGE) > maxSignatures) {
            throw tooManySignatures();
        }
        List<PDSignature> signatures;
        List<SealCheck> checks = new ArrayList<>();
        long covered = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            signatures = doc.getSignatureDictionaries();
            if (signatures.size() > maxSignatures) {
                throw tooManySignatures();
            }
            // every signature is parsed (and held to the caps) before any is hashed
            List<CMSSignedData> parsed = new ArrayList<>();
            for (PDSignature s : signatures) {
                int[] range = s.getByteRange();
                boolean inFile = range != null && range.length == 4 && range[0] == 0 && range[1] >= 0
                        && range[2] >= range[1] && range[3] >= 0 && range[2] + (long) range[3] <= pdf.length;
                parsed.add(inFile ? parse(contents(s, pdf)) : null);
            }
            for (int i = 0; i < signatures.size(); i++) {
                PDSignature s = signatures.get(i);
                int[] range = s.getByteRange();
                if (parsed.get(i) == null) {
                    checks.add(new SealCheck(s.getName(), null, false, false, false, "签名数据无法解析"));
                    continue;
                }
                covered = Math.max(covered, range[2] + (long) range[3]);
                checks.add(check(s, parsed.get(i), s.getSignedContent(pdf)));
            }
        } catch (IOException e) {
            throw TitleCertException.invalid("PDF_INVALID", "文件不是有效的 PDF");
        }
        return new SealReport(checks, !checks.isEmpty() && covered != pdf.length);
    }

    private static byte[] contents(PDSignature s, byte[] pdf) {
        int[] range = s.getByteRange();
        if (range[2] - range[1] > 2 * MAX_SIGNATURE_BYTES + 2) {
            throw signatureTooLarge();
        }
        try {
            return s.getContents(pdf);
        } catch (IOException e) {
            return null;
        }
    }

    private static TitleCertException signatureTooLarge() {
        return TitleCertException.invalid("PDF_SIGNATURE_TOO_LARGE", "文件中的签名数据过大，不是本平台签发的电子印章");
    }

    /** The signature's CMS without its content, or null if it cannot be parsed; refused past the caps. */
    private static CMSSignedData parse(byte[] contents) {
        if (contents == null) {
            return null;
        }
        if (contents.length > MAX_SIGNATURE_BYTES) {
            throw signatureTooLarge();
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(contents);
        } catch (Exception e) {
            return null;
        }
        if (cms.getCertificates().getMatches(null).size() > MAX_CERTIFICATES || cms.getSignerInfos().size() != 1) {
            throw TitleCertException.invalid("PDF_SIGNATURE_TOO_COMPLEX", "文件中的签名结构异常，不是本平台签发的电子印章");
        }
        return cms;
    }

    private TitleCertException tooManySignatures() {
        return TitleCertException.invalid("PDF_TOO_MANY_SIGNATURES",
                "文件中的签名超过 " + maxSignatures + " 个，不是本平台签发的电子证书");
    }

    private static int occurrences(byte[] data, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    private SealCheck check(PDSignature s, CMSSignedData detached, byte[] signed) {
        Instant claimed = s.getSignDate() == null ? null : s.getSignDate().toInstant();
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), detached.toASN1Structure());
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
            // the signer's own date is only a claim: without a trusted timestamp, a seal must be valid now
            Instant time = claimed;
            Instant validAt = Instant.now();
            boolean stamped = false;
            Attribute ts = si.getUnsignedAttributes() == null ? null
                    : si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (ts != null) {
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(ts.getAttrValues().getObjectAt(0)));
                byte[] imprint = MessageDigest.getInstance("SHA-256").digest(si.getSignature());
                Object tsaMatch = token.getCertificates().getMatches(token.getSID()).stream().findFirst().orElse(null);
                X509CertificateHolder tsa = (X509CertificateHolder) tsaMatch;
                stamped = tsa != null && Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())
                        && token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(tsa))
                        && chains(converter.getCertificate(tsa), certificates(converter, token.getCertificates()),
                        token.getTimeStampInfo().getGenTime().toInstant());
                if (stamped) {
                    time = token.getTimeStampInfo().getGenTime().toInstant();
                    validAt = time;
                }
            }
            boolean trusted = chains(cert, certificates(converter, store), validAt);
            String problem = !intact ? "签名与文件内容不符，文件已被篡改"
                    : !trusted ? "签章证书不是本平台信任的电子印章证书" : ts != null && !stamped ? "时间戳无效" : null;
            return new SealCheck(commonName(cert), time, stamped, intact, trusted, problem);
        } catch (Exception e) {
            return new SealCheck(s.getName(), claimed, false, false, false, "签名数据无法解析");
        }
    }

    private static List<X509Certificate> certificates(JcaX509CertificateConverter converter,
                                                      Store<X509CertificateHolder> store) throws Exception {
        List<X509Certificate> all = new ArrayList<>();
        for (X509CertificateHolder h : store.getMatches(null)) {
            all.add(converter.getCertificate(h));
        }
        return all;
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
