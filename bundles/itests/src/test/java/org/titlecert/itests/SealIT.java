package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.titlecert.seal.SealPlacement;
import org.titlecert.seal.pkcs12.Pkcs12SealProvider;
import org.titlecert.sealkit.SealKit;
import org.titlecert.template.Area;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo seals on the shared platform: the first unit's certificates carry both seals, visible and
 * PAdES-signed, that poppler accepts; the other unit's carry none; and the public check flags tampering.
 */
class SealIT {

    private static Platform platform;
    private static Api system;
    private static JsonNode sealed;
    private static byte[] sealedPdf;

    @TempDir
    static Path dir;

    @BeforeAll
    static void sealedCertificate() {
        platform = Platform.shared();
        system = platform.system();
        TestFixtures.awaitDemoSeals(system);
        long filing = filing("皖职改办〔2021〕12号");
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            JsonNode page = system.get("/api/v1/filings/" + filing + "/certificates?status=GENERATED&size=200").json();
            sealed = null;
            for (JsonNode c : page.get("items")) {
                if (c.get("sealStatus").asText().equals("SEALED")) {
                    sealed = c;
                }
            }
            if (sealed != null) {
                break;
            }
            Platform.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(sealed).as("the demo seals arrived and resealed the first unit's certificates").isNotNull();
        sealedPdf = system.get("/api/v1/certificates/" + sealed.get("id").asLong() + "/pdf").bytes();
    }

    static long filing(String approvalNumber) {
        return system.get("/api/v1/filings?approvalNumber=" + URLEncoder.encode(approvalNumber, StandardCharsets.UTF_8))
                .json().at("/items/0/id").asLong();
    }

    private static String token(JsonNode c) {
        String url = c.get("verificationUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static JsonNode check(JsonNode c, byte[] pdf) {
        return platform.api().postBytes("/api/v1/verify/" + token(c) + "/check", "application/pdf", pdf).json();
    }

    @Test
    void theFirstUnitsCertificatesCarryBothSealsAndTheOtherUnitsNone() {
        long filingA = filing("皖职改办〔2021〕12号");
        long filingB = filing("合职改〔2021〕156号");
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<JsonNode> a;
        do {
            a = TestFixtures.settledCertificates(system, filingA,
                    system.get("/api/v1/filings/" + filingA).json().get("rosterSize").asInt());
        } while (a.stream().anyMatch(c -> c.get("status").asText().equals("GENERATED")
                && !c.get("sealStatus").asText().equals("SEALED")) && System.nanoTime() < deadline && sleep());
        assertThat(a).filteredOn(c -> c.get("status").asText().equals("GENERATED")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("sealStatus").asText()).isEqualTo("SEALED"));
        List<JsonNode> b = TestFixtures.settledCertificates(system, filingB,
                system.get("/api/v1/filings/" + filingB).json().get("rosterSize").asInt());
        assertThat(b).filteredOn(c -> c.get("status").asText().equals("GENERATED")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("sealStatus").asText()).isEqualTo("UNSEALED"));

        JsonNode seals = system.get("/api/v1/seals").json();
        assertThat(seals.findParents("code")).anySatisfy(s -> {
            assertThat(s.get("code").asText()).isEqualTo("AHKJGP");
            assertThat(s.get("provider").asText()).isEqualTo("pkcs12:AHKJGP");
        }).anySatisfy(s -> {
            assertThat(s.get("code").asText()).isEqualTo("HFGCZP");
            assertThat(s.has("provider")).isFalse();
        });
        assertThat(platform.api().get("/api/v1/verify/" + token(sealed)).json().get("sealStatus").asText())
                .isEqualTo("SEALED");
    }

    private static boolean sleep() {
        Platform.sleep(200);
        return true;
    }

    @Test
    void theSealsAreVisibleApartFromTheQrCodeAndPopplerAcceptsTheSignatures() throws Exception {
        Pdfs.save(sealedPdf, "certificate-sealed");
        assertThat(Pdfs.qr(sealedPdf)).as("the seals leave the QR code readable").isEqualTo(
                sealed.get("verificationUrl").asText());
        BufferedImage page = Pdfs.render(sealedPdf, 72);
        for (int[] centre : new int[][] {{430, 595 - 152}, {668, 595 - 152}}) {
            int red = 0;
            for (int dx = -50; dx <= 50; dx += 2) {
                for (int dy = -50; dy <= 50; dy += 2) {
                    int rgb = page.getRGB(centre[0] + dx, centre[1] + dy);
                    if ((rgb >> 16 & 0xFF) > 180 && (rgb >> 8 & 0xFF) < 110 && (rgb & 0xFF) < 110) {
                        red++;
                    }
                }
            }
            assertThat(red).as("seal image at %d,%d", centre[0], centre[1]).isGreaterThan(150);
        }

        Path pdfsig = Path.of("/usr/bin/pdfsig");
        Assumptions.assumeTrue(Files.isExecutable(pdfsig), "poppler-utils is not installed");
        Path file = dir.resolve("sealed.pdf");
        Files.write(file, sealedPdf);
        Process p = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.split("Signature is Valid", -1)).as(out).hasSize(3);
        assertThat(out).contains("ETSI.CAdES.detached", "安徽省会计系列高级专业技术资格评审委员会", "安徽省人力资源和社会保障厅",
                "Total document signed");
    }

    @Test
    void theGenuineFileIsNeverFlaggedAndEveryTamperingIs() throws Exception {
        JsonNode genuine = check(sealed, sealedPdf);
        assertThat(genuine.get("outcome").asText()).isEqualTo("CURRENT");
        assertThat(genuine.at("/seals/seals")).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("intact").asBoolean()).isTrue();
            assertThat(s.get("trusted").asBoolean()).isTrue();
        });
        assertThat(genuine.at("/seals/modifiedAfterSealing").asBoolean()).isFalse();

        byte[] flipped = sealedPdf.clone();
        flipped[300] ^= 0x01;
        JsonNode oneByte = check(sealed, flipped);
        assertThat(oneByte.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        assertThat(oneByte.at("/seals/seals").findValuesAsText("intact")).containsOnly("false");

        JsonNode page = check(sealed, incremental(sealedPdf, doc -> doc.addPage(new PDPage())));
        assertThat(page.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        assertThat(page.at("/seals/modifiedAfterSealing").asBoolean()).as("a page added").isTrue();

        JsonNode text = check(sealed, incremental(sealedPdf, doc -> {
            PDPage first = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, first, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                cs.newLineAtOffset(360, 440);
                cs.showText("FORGED");
                cs.endText();
            }
            first.getCOSObject().setNeedToBeUpdated(true);
        }));
        assertThat(text.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        assertThat(text.at("/seals/modifiedAfterSealing").asBoolean()).as("text changed").isTrue();

        SealKit.Issued rogueCa = SealKit.authority("伪造的印章中心", Duration.ofDays(30));
        Path ks = dir.resolve("rogue.p12");
        SealKit.writePkcs12(ks, "rogue-pass".toCharArray(), "seal",
                SealKit.seal(rogueCa, "安徽省人力资源和社会保障厅", Duration.ofDays(30)), rogueCa);
        Path image = dir.resolve("rogue.png");
        Files.write(image, SealKit.image("安徽省人力资源和社会保障厅", "职称专用章"));
        Pkcs12SealProvider rogue = new Pkcs12SealProvider("AHRS", ks, "rogue-pass".toCharArray(), "", image, null, null);
        byte[] resigned = rogue.seal(sealedPdf, new SealPlacement(new Area(0, 668 - 60, 92, 120, 120), null, "发证机关盖章"));
        JsonNode other = check(sealed, resigned);
        assertThat(other.get("outcome").asText()).isEqualTo("NOT_GENUINE");
        assertThat(other.at("/seals/seals")).hasSize(3);
        assertThat(other.at("/seals/seals/2/trusted").asBoolean()).as("re-signed with another key").isFalse();
        assertThat(other.at("/seals/seals/2/problem").asText()).contains("不是本平台信任");
    }

    /** The PDF with a change appended as an incremental update, as an editor would save it. */
    private static byte[] incremental(byte[] pdf, Change change) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.apply(doc);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private interface Change {
        void apply(PDDocument doc) throws Exception;
    }
}
