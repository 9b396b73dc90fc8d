package org.titlecert.seal.pkcs12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.titlecert.certificate.internal.PdfSealVerifier;
import org.titlecert.seal.SealCheck;
import org.titlecert.seal.SealException;
import org.titlecert.seal.SealPlacement;
import org.titlecert.seal.SealReport;
import org.titlecert.sealkit.SealKit;
import org.titlecert.template.Area;

import com.sun.net.httpserver.HttpServer;

/**
 * Seals applied by the PKCS#12 provider and checked by the platform's verifier: two seals verify, every
 * kind of tampering is flagged, a genuine file never is, and poppler's pdfsig agrees.
 */
class SealTest {

    @TempDir
    static Path dir;

    private static Pkcs12SealProvider committee;
    private static Pkcs12SealProvider authority;
    private static Pkcs12SealProvider rogue;
    private static PdfSealVerifier verifier;
    private static HttpServer tsa;
    private static X509Certificate tsaCertificate;

    static final Area COMMITTEE = new Area(0, 370, 92, 120, 120);
    static final Area AUTHORITY = new Area(0, 608, 92, 120, 120);
    static final Area QR = new Area(0, 108, 118, 104, 104);

    @BeforeAll
    static void seals() throws Exception {
        SealKit.Issued ca = SealKit.authority("安徽省电子印章测试中心", Duration.ofDays(3650));
        committee = provider("AHKJGP", "安徽省会计系列高级专业技术资格评审委员会", ca, null, null);
        authority = provider("AHRS", "安徽省人力资源和社会保障厅", ca, null, null);
        rogue = provider("AHRS", "安徽省人力资源和社会保障厅", SealKit.authority("伪造机构", Duration.ofDays(30)), null, null);
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.writeString(trust.resolve("ca.pem"), SealKit.pem(ca.certificate()));
        verifier = new PdfSealVerifier(trust, 4);
    }

    @AfterAll
    static void stopTsa() {
        if (tsa != null) {
            tsa.stop(0);
        }
    }

    static Pkcs12SealProvider provider(String issuer, String name, SealKit.Issued ca, Area position,
                                       TimestampClient timestamps) throws Exception {
        Path ks = dir.resolve(issuer + "-" + System.nanoTime() + ".p12");
        SealKit.writePkcs12(ks, "s3cret-123".toCharArray(), "seal", SealKit.seal(ca, name, Duration.ofDays(365)), ca);
        Path image = dir.resolve(issuer + ".png");
        Files.write(image, SealKit.image(name, "专用章"));
        return new Pkcs12SealProvider(issuer, ks, "s3cret-123".toCharArray(), "", image, position, timestamps);
    }

    static byte[] certificatePdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                cs.newLineAtOffset(72, 500);
                cs.showText("Certificate 342021AHKJGP00001");
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] sealedTwice() throws Exception {
        byte[] once = committee.seal(certificatePdf(), new SealPlacement(COMMITTEE, QR, "评审组织盖章"));
        return authority.seal(once, new SealPlacement(AUTHORITY, QR, "发证机关盖章"));
    }

    @Test
    void twoSealsInIncrementalUpdatesBothVerify() throws Exception {
        byte[] pdf = sealedTwice();
        Files.write(dir.resolve("sealed.pdf"), pdf);
        SealReport report = verifier.verify(pdf);
        assertThat(report.seals()).hasSize(2);
        assertThat(report.seals()).extracting(SealCheck::signer)
                .containsExactly("安徽省会计系列高级专业技术资格评审委员会", "安徽省人力资源和社会保障厅");
        assertThat(report.seals()).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problem()).isNull();
            assertThat(s.signingTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        });
        assertThat(report.modifiedAfterSealing()).isFalse();
        assertThat(report.genuine()).isTrue();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            for (PDSignature s : sigs) {
                assertThat(s.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(s.getSignedContent(pdf)),
                        s.getContents(pdf));
                SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
                assertThat(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
                assertThat(si.getSignedAttributes().get(CMSAttributes.signingTime)).as("PAdES: time in /M").isNull();
                int reserved = ((org.apache.pdfbox.cos.COSString) s.getCOSObject()
                        .getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS)).getBytes().length;
                System.out.printf("signature: %d bytes of CMS in %d reserved%n", s.getContents(pdf).length, reserved);
                assertThat(reserved).as("only what is needed is reserved").isLessThan(s.getContents(pdf).length + 1024);
            }
            List<PDSignatureField> fields = doc.getSignatureFields();
            assertThat(fields).hasSize(2);
            for (PDSignatureField f : fields) {
                PDAnnotationWidget w = f.getWidgets().get(0);
                Area seal = new Area(0, w.getRectangle().getLowerLeftX(), w.getRectangle().getLowerLeftY(),
                        w.getRectangle().getWidth(), w.getRectangle().getHeight());
                assertThat(seal.overlaps(QR)).as("a seal keeps clear of the QR code").isFalse();
                assertThat(w.getAppearance().getNormalAppearance()).isNotNull();
            }
        }
    }

    @Test
    void popplerSaysTheSignaturesAreValid() throws Exception {
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        Assumptions.assumeTrue(Files.isExecutable(pdfsig), "poppler-utils is not installed");
        Path file = dir.resolve("poppler.pdf");
        Files.write(file, sealedTwice());
        Process p = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        System.out.println(out);
        assertThat(out.split("Signature is Valid", -1)).as(out).hasSize(3);
    }

    @Test
    void changingOneByteBreaksTheSeals() throws Exception {
        byte[] pdf = sealedTwice();
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("342021AHKJGP00001");
        if (at < 0) {
            // the text is in a compressed stream: change a byte of the first revision's body instead
            at = 200;
        }
        pdf[at] ^= 0x01;
        SealReport report = verifier.verify(pdf);
        assertThat(report.genuine()).isFalse();
        assertThat(report.seals()).allSatisfy(s -> assertThat(s.intact()).isFalse());
        assertThat(report.seals().get(0).problem()).contains("篡改");
    }

    @Test
    void aPageAddedAfterSealingIsFlagged() throws Exception {
        byte[] pdf = sealedTwice();
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            SealReport report = verifier.verify(out.toByteArray());
            assertThat(report.modifiedAfterSealing()).isTrue();
            assertThat(report.genuine()).isFalse();
        }
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            assertThat(verifier.verify(out.toByteArray()).genuine()).as("saved anew").isFalse();
        }
    }

    @Test
    void anIncrementalUpdateThatChangesTextIsFlagged() throws Exception {
        byte[] pdf = sealedTwice();
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true)) {
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(60, 490, 500, 40);
                cs.fill();
                cs.beginText();
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                cs.newLineAtOffset(72, 500);
                cs.showText("Certificate 342021AHKJGP99999");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            SealReport report = verifier.verify(out.toByteArray());
            assertThat(report.seals()).allSatisfy(s -> assertThat(s.intact()).as("the old revision is intact").isTrue());
            assertThat(report.modifiedAfterSealing()).isTrue();
            assertThat(report.genuine()).isFalse();
        }
    }

    @Test
    void aSealByAnotherKeyIsNotTrusted() throws Exception {
        byte[] forged = rogue.seal(committee.seal(certificatePdf(), new SealPlacement(COMMITTEE, QR, "评审组织盖章")),
                new SealPlacement(AUTHORITY, QR, "发证机关盖章"));
        SealReport report = verifier.verify(forged);
        assertThat(report.seals()).hasSize(2);
        assertThat(report.seals().get(1).intact()).as("mathematically fine").isTrue();
        assertThat(report.seals().get(1).trusted()).isFalse();
        assertThat(report.seals().get(1).problem()).contains("不是本平台信任");
        assertThat(report.genuine()).isFalse();
        byte[] resealed = rogue.seal(certificatePdf(), new SealPlacement(AUTHORITY, QR, "发证机关盖章"));
        assertThat(verifier.verify(resealed).genuine()).isFalse();
        assertThat(verifier.verify(certificatePdf()).genuine()).as("no seal at all").isFalse();
    }

    @Test
    void aConfiguredPositionOverTheQrCodeGivesWayToTheTemplatesPlace() throws Exception {
        SealKit.Issued ca = SealKit.authority("测试", Duration.ofDays(30));
        Pkcs12SealProvider misplaced = provider("X", "测试章", ca, new Area(0, 100, 100, 120, 120), null);
        assertThat(misplaced.place(new SealPlacement(COMMITTEE, QR, "r"))).isEqualTo(COMMITTEE);
        Pkcs12SealProvider placed = provider("X", "测试章", ca, new Area(0, 500, 300, 100, 100), null);
        assertThat(placed.place(new SealPlacement(COMMITTEE, QR, "r"))).isEqualTo(new Area(0, 500, 300, 100, 100));
        Pkcs12SealProvider unplaced = provider("X", "测试章", ca, null, null);
        assertThatThrownBy(() -> unplaced.place(new SealPlacement(QR, QR, "r"))).as("nowhere clear of the QR code")
                .isInstanceOf(SealException.class);
    }

    @Test
    void withATimestampServerTheSealCarriesAnRfc3161Timestamp() throws Exception {
        URI url = startTsa();
        SealKit.Issued ca = SealKit.authority("安徽省电子印章测试中心", Duration.ofDays(3650));
        Pkcs12SealProvider stamped = provider("AHRS", "安徽省人力资源和社会保障厅", ca, null, new TimestampClient(url));
        Path trust = Files.createDirectories(dir.resolve("trust-tsa"));
        Files.writeString(trust.resolve("ca.pem"), SealKit.pem(ca.certificate()));
        byte[] pdf = stamped.seal(certificatePdf(), new SealPlacement(AUTHORITY, QR, "发证机关盖章"));
        SealReport untrustedTsa = new PdfSealVerifier(trust, 4).verify(pdf);
        assertThat(untrustedTsa.seals().get(0).timestamped()).as("a timestamp counts only from a trusted TSA").isFalse();
        assertThat(untrustedTsa.seals().get(0).problem()).isEqualTo("时间戳无效");
        Files.writeString(trust.resolve("tsa.pem"), SealKit.pem(tsaCertificate));
        SealReport report = new PdfSealVerifier(trust, 4).verify(pdf);
        assertThat(report.genuine()).isTrue();
        assertThat(report.seals().get(0).timestamped()).isTrue();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature s = doc.getSignatureDictionaries().get(0);
            SignerInformation si = new CMSSignedData(new CMSProcessableByteArray(s.getSignedContent(pdf)),
                    s.getContents(pdf)).getSignerInfos().getSigners().iterator().next();
            assertThat(si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        }
    }

    /** A minimal RFC 3161 server on loopback, signing with a timestamping certificate made here. */
    private static URI startTsa() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        javax.security.auth.x500.X500Principal name = new javax.security.auth.x500.X500Principal("CN=Test TSA");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(3600)), Date.from(Instant.now().plusSeconds(86400)), name,
                pair.getPublic());
        b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        tsaCertificate = cert;
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", pair.getPrivate(), cert),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        tokens.addCertificates(new JcaCertStore(List.of(cert)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        tsa = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tsa.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] body = responses.generate(request, BigInteger.valueOf(System.nanoTime()), new Date()).getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        tsa.start();
        return URI.create("http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsa");
    }
}
