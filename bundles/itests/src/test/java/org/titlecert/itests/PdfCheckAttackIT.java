package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.security.auth.x500.X500Principal;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.bench.HeapSampler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finding 3 of the security review: the public "check a PDF" endpoint. A PDF with 1,000 signature fields,
 * each with a ByteRange over the whole file and a parseable CMS from an untrusted key, used to cost seconds
 * of server time per anonymous request. Now it is refused before anything is hashed.
 */
class PdfCheckAttackIT {

    private static final Platform platform = Platform.shared();
    private static String token;
    private static byte[] manyFields;
    private static byte[] manyFieldsCompressed;

    @BeforeAll
    static void aCertificateToCheckAgainstAndTheHostilePdfs() throws Exception {
        TestFixtures.awaitDemoSeals(platform.system());
        JsonNode c = platform.system().get("/api/v1/filings?approvalNumber=" + java.net.URLEncoder.encode(
                "皖职改办〔2021〕12号", java.nio.charset.StandardCharsets.UTF_8)).json().at("/items/0/id");
        String url = platform.system().get("/api/v1/filings/" + c.asLong() + "/certificates?status=GENERATED&size=1")
                .json().at("/items/0/verificationUrl").asText();
        token = url.substring(url.lastIndexOf('/') + 1);
        byte[] cms = untrustedSignature();
        manyFields = hostilePdf(1_000, cms, 1_000_000, CompressParameters.NO_COMPRESSION);
        manyFieldsCompressed = hostilePdf(1_000, cms, 1_000_000, CompressParameters.DEFAULT_COMPRESSION);
    }

    @Test
    void aThousandSignatureFieldsAreRefusedAtOnceAndThePlatformKeepsServing() throws Exception {
        for (byte[] pdf : List.of(manyFields, manyFieldsCompressed)) {
            long t0 = System.nanoTime();
            RawHttp.Reply r = new RawHttp("127.0.0.41", platform.port()).post("/api/v1/verify/" + token + "/check",
                    "application/pdf", pdf);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("PDF_TOO_MANY_SIGNATURES").doesNotContain("Exception");
            assertThat(seconds).as("refused before hashing").isLessThan(2.0);
        }

        // 40 such uploads from 20 addresses at once: each answered 4xx, health answers throughout, heap bounded
        List<Integer> statuses = new ArrayList<>();
        double before = HeapSampler.retained(platform);
        double[] heap = HeapSampler.rise(platform, 1, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String from = "127.0.1." + (i % 20 + 1);
                    byte[] pdf = i % 2 == 0 ? manyFields : manyFieldsCompressed;
                    replies.add(pool.submit(() -> new RawHttp(from, platform.port())
                            .post("/api/v1/verify/" + token + "/check", "application/pdf", pdf).status()));
                }
                long t0 = System.nanoTime();
                RawHttp.Reply health = new RawHttp("127.0.0.42", platform.port()).get("/api/v1/health");
                assertThat(health.status()).isEqualTo(200);
                assertThat((System.nanoTime() - t0) / 1e9).as("health under attack").isLessThan(2.0);
                for (Future<Integer> f : replies) {
                    statuses.add(f.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        });
        double kept = HeapSampler.retained(platform) - before;
        System.out.printf("hostile PDF checks: statuses %s, peak heap rise %.0f MB (garbage included), "
                + "retained after GC %+.1f MB%n", statuses, heap[0], kept);
        assertThat(statuses).allMatch(s -> s == 400 || s == 429 || s == 503);
        assertThat(statuses).as("refused for their signatures, not only for being busy").contains(400);
        assertThat(kept).as("heap held after the attack, MB").isLessThan(32);
    }

    @Test
    void anOversizedUploadIsRefusedWith413AndNotAPdfWith400() {
        RawHttp client = new RawHttp("127.0.0.43", platform.port());
        RawHttp.Reply big = client.post("/api/v1/verify/" + token + "/check", "application/pdf", new byte[6 << 20]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.body()).contains("PDF_TOO_LARGE");
        RawHttp.Reply junk = client.post("/api/v1/verify/" + token + "/check", "application/pdf",
                "%PDF-1.7 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.body()).contains("PDF_INVALID").doesNotContain("Exception");
    }

    @Test
    void checksHaveTheirOwnStricterLimitPerClient() {
        // the test platform raises the limit to 1000 a minute; a burst far beyond it from one address is cut off
        RawHttp client = new RawHttp("127.0.0.44", platform.port());
        int limited = 0;
        for (int i = 0; i < 400 && limited == 0; i++) {
            RawHttp.Reply r = client.post("/api/v1/verify/" + token + "/check", "application/pdf", new byte[] {1});
            if (r.status() == 429) {
                limited++;
                assertThat(r.body()).contains("CHECK_RATE_LIMITED");
                assertThat(r.header("Retry-After")).isNotBlank();
            }
        }
        assertThat(limited).isPositive();
        assertThat(new RawHttp("127.0.0.45", platform.port()).get("/api/v1/verify/" + token).status())
                .as("another client is not affected").isEqualTo(200);
    }

    /** A detached CMS signature by a throwaway self-signed key: parseable, never trusted. */
    private static byte[] untrustedSignature() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        X500Principal name = new X500Principal("CN=攻击者");
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        var cert = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plusSeconds(86_400)), name, pair.getPublic()).build(signer);
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, cert));
        cms.addCertificates(new JcaCertStore(List.of(cert)));
        return cms.generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}), false).getEncoded();
    }

    /** A PDF of {@code fields} signature fields whose ByteRange covers the file, padded to about {@code size} bytes. */
    private static byte[] hostilePdf(int fields, byte[] cms, int size, CompressParameters compression)
            throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            COSStream padding = doc.getDocument().createCOSStream();
            byte[] noise = new byte[size];
            new Random(7).nextBytes(noise);
            try (OutputStream o = padding.createRawOutputStream()) {
                o.write(noise);
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Padding"), padding);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            for (int i = 0; i < fields; i++) {
                PDSignature s = new PDSignature();
                s.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                s.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
                s.setByteRange(new int[] {0, 1_000_000_000, 1_000_000_000, 1_000_000_000});
                s.setContents(cms);
                PDSignatureField field = new PDSignatureField(form);
                field.setPartialName("sig" + i);
                field.getCOSObject().setItem(COSName.V, s);
                form.getFields().add(field);
            }
            doc.save(out, compression);
            return compression.isCompress() ? out.toByteArray() : aimByteRanges(out.toByteArray());
        }
    }

    /**
     * Points each signature's ByteRange at its own /Contents, as a real signature's is: then each one covers
     * the whole file, and checking it naively means copying and hashing the whole file once per field.
     */
    private static byte[] aimByteRanges(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder patched = new StringBuilder(text);
        int range = 0;
        int contents = 0;
        while ((range = text.indexOf("/ByteRange [", range)) >= 0) {
            contents = text.indexOf("/Contents <", contents);
            int from = text.indexOf('<', contents);
            int to = text.indexOf('>', from) + 1;
            int open = range + "/ByteRange [".length();
            int close = text.indexOf(']', open);
            String numbers = "0 " + from + " " + to + " " + (pdf.length - to);
            patched.replace(open, close, String.format("%-" + (close - open) + "s", numbers));
            range = close;
            contents = to;
        }
        return patched.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
