package org.titlecert.template.ofd;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.defaults.DefaultTemplate;
import org.titlecert.template.page.CertificatePage;
import org.titlecert.template.page.Layout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

public class OfdRendererTest {

    private static final String OFD_NS = "http://www.ofdspec.org/2016";
    private static final String URL = "https://zc.example.gov.cn/v/q3Vd9sLxYb0eTn2kPz8W1A";

    private static CertificateRenderer ofd;
    private static CertificateRenderer pdf;
    private static byte[] photo;

    @BeforeAll
    static void load() throws IOException {
        ofd = new OfdTemplate(Layout.standard(), "1.0.0").newRenderer();
        pdf = new DefaultTemplate(Layout.standard(), "1.0.0").newRenderer();
        BufferedImage img = new BufferedImage(413, 579, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3A, 0x6E, 0xA5));
        g.fillRect(0, 0, 413, 579);
        g.setColor(new Color(0xF1, 0xC2, 0x9A));
        g.fillOval(106, 90, 200, 250);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        photo = out.toByteArray();
    }

    @AfterAll
    static void close() {
        ofd.close();
        pdf.close();
    }

    static CertificateContent content(String name) {
        Map<String, String> licence = new LinkedHashMap<>();
        licence.put("证照类型名称", "专业技术资格证书");
        licence.put("证照编号", "34202201AHKJGJ00007");
        licence.put("持证主体", name);
        licence.put("持证主体代码", "340111********1587");
        licence.put("发证机构代码", "11340000TC0000001K");
        return new CertificateContent("34202201AHKJGJ00007", name, "女", LocalDate.of(1983, 10, 26),
                "340111198310261587", "合肥百货大楼集团股份有限公司", "会计人员", "会计", "正高级会计师", "正高级",
                "安徽省会计系列高级专业技术资格评审委员会", "皖职改办〔2022〕9号", LocalDate.of(2022, 12, 26),
                "安徽省人力资源和社会保障厅", LocalDate.of(2023, 1, 31), photo, URL, licence);
    }

    /** A character drawn on the page, in PDF points from the lower left: its baseline's start. */
    record Glyph(String text, double x, double y) {
    }

    @Test
    void everyCharacterOfThePdfIsInTheOfdAtTheSamePlace() throws Exception {
        CertificateContent c = content("王丽");
        RenderedCertificate o = ofd.render(c);
        List<Glyph> inOfd = glyphs(o.pdf());
        List<Glyph> inPdf = pdfGlyphs(pdf.render(c).pdf());
        assertThat(inOfd).hasSameSizeAs(inPdf).hasSizeGreaterThan(150);
        for (Glyph p : inPdf) {
            assertThat(inOfd).as("%s at (%.1f, %.1f) in the PDF", p.text(), p.x(), p.y())
                    .anyMatch(g -> g.text().equals(p.text()) && Math.abs(g.x() - p.x()) < 1.5
                            && Math.abs(g.y() - p.y()) < 1.5);
        }
        assertThat(o.sealAreas()).isEqualTo(CertificatePage.SEAL_AREAS);
        assertThat(o.qrArea()).isEqualTo(CertificatePage.QR_CODE);
    }

    @Test
    void aRealOfdRendererDrawsItAndThePhoneReadsTheQrCode() throws Exception {
        byte[] bytes = ofd.render(content("王丽")).pdf();
        BufferedImage page = image(bytes, "certificate");
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(page)))).getText();
        assertThat(read).isEqualTo(URL);
        // the photo is drawn where the PDF draws it: the middle of its box is the photo's blue, not the paper
        double scale = page.getWidth() / CertificatePage.WIDTH;
        Color middle = new Color(page.getRGB((int) (160 * scale), (int) ((CertificatePage.HEIGHT - 330) * scale)));
        assertThat(middle.getBlue()).as("photo at its place").isGreaterThan(middle.getRed() + 60);
    }

    @Test
    void carriesTheLicenceFieldsAsCustomDataAndSubsetFonts() throws Exception {
        byte[] bytes = ofd.render(content("王丽")).pdf();
        Map<String, byte[]> parts = unzip(bytes);
        Document ofdXml = xml(parts.get("OFD.xml"));
        NodeList data = ofdXml.getElementsByTagNameNS(OFD_NS, "CustomData");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < data.getLength(); i++) {
            Element e = (Element) data.item(i);
            fields.put(e.getAttribute("Name"), e.getTextContent());
        }
        assertThat(fields).containsExactlyEntriesOf(content("王丽").licence());
        assertThat(ofdXml.getElementsByTagNameNS(OFD_NS, "Title").item(0).getTextContent())
                .isEqualTo("专业技术资格证书 34202201AHKJGJ00007");
        List<String> fonts = parts.keySet().stream().filter(n -> n.endsWith(".ttf")).toList();
        assertThat(fonts).isNotEmpty();
        for (String f : fonts) {
            assertThat(parts.get(f).length).as("%s is a subset, not the 10 MB font", f).isLessThan(400_000);
        }
        assertThat(parts.keySet()).anyMatch(n -> n.endsWith(".jpg"));
    }

    /**
     * 𠮷 (U+20BB7) is beyond the Basic Multilingual Plane, which a subset's character map cannot hold: the fallback
     * font that has it is embedded whole, and the text maps it to its glyph (CGTransform), so that ofdrw's renderer,
     * which looks glyphs up per UTF-16 unit, draws it as the PDF does rather than as a box.
     */
    @Test
    void aNameBeyondTheBasicPlaneIsWrittenWithTheWholeFallbackFont() throws Exception {
        byte[] bytes = ofd.render(content("吉𠮷")).pdf();
        assertThat(glyphs(bytes)).extracting(Glyph::text).contains("吉", "𠮷");
        Map<String, byte[]> parts = unzip(bytes);
        boolean drawn = false;
        for (String name : parts.keySet().stream().filter(n -> n.endsWith(".ttf")).toList()) {
            try (org.apache.fontbox.ttf.TrueTypeFont f = new org.apache.fontbox.ttf.TTFParser()
                    .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(parts.get(name)))) {
                drawn |= f.getUnicodeCmapLookup().getGlyphId(0x20BB7) > 0;
            }
        }
        assertThat(drawn).as("an embedded font has a glyph for 𠮷").isTrue();

        // the name as ofdrw draws it and as PDFBox draws the PDF: the same ink
        String name = "𠮷𠮷𠮷";
        byte[] rare = ofd.render(content(name)).pdf();
        BufferedImage fromOfd = image(rare, "certificate-rare-name");
        double scale = fromOfd.getWidth() / CertificatePage.WIDTH;
        BufferedImage fromPdf;
        try (PDDocument doc = Loader.loadPDF(pdf.render(content(name)).pdf())) {
            fromPdf = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, (float) scale);
        }
        List<Glyph> drawnName = glyphs(rare).stream().filter(g -> g.text().equals("𠮷")).toList();
        assertThat(drawnName).hasSize(3);
        double w = drawnName.get(1).x() - drawnName.get(0).x();
        java.awt.Rectangle box = new java.awt.Rectangle((int) (drawnName.get(0).x() * scale),
                (int) ((CertificatePage.HEIGHT - drawnName.get(0).y() - 0.9 * w) * scale), (int) (3 * w * scale),
                (int) (1.1 * w * scale));
        assertThat(overlap(fromOfd, fromPdf, box)).as("ink of 𠮷 in the OFD's rendering against the PDF's")
                .isGreaterThan(0.6);
    }

    /** Of the dark pixels in {@code box} of either image, the share dark in both (intersection over union). */
    static double overlap(BufferedImage a, BufferedImage b, java.awt.Rectangle box) {
        int both = 0;
        int either = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                boolean inA = dark(a.getRGB(x, y));
                boolean inB = dark(b.getRGB(x, y));
                both += inA && inB ? 1 : 0;
                either += inA || inB ? 1 : 0;
            }
        }
        return either == 0 ? 0 : (double) both / either;
    }

    private static boolean dark(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() * 0.3 + c.getGreen() * 0.59 + c.getBlue() * 0.11 < 128;
    }

    /** Each character of every text object, placed by its text code and the advances before it. */
    static List<Glyph> glyphs(byte[] ofdBytes) throws Exception {
        Map<String, byte[]> parts = unzip(ofdBytes);
        String content = parts.keySet().stream().filter(n -> n.endsWith("Content.xml")).findFirst().orElseThrow();
        NodeList codes = xml(parts.get(content)).getElementsByTagNameNS(OFD_NS, "TextCode");
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < codes.getLength(); i++) {
            Element code = (Element) codes.item(i);
            double x = Double.parseDouble(code.getAttribute("X"));
            double y = Double.parseDouble(code.getAttribute("Y"));
            String[] deltas = code.getAttribute("DeltaX").isBlank() ? new String[0]
                    : code.getAttribute("DeltaX").trim().split("\\s+");
            int[] cps = code.getTextContent().codePoints().toArray();
            for (int k = 0; k < cps.length; k++) {
                glyphs.add(new Glyph(new String(cps, k, 1), x / OfdCanvas.MM, CertificatePage.HEIGHT - y / OfdCanvas.MM));
                if (k < deltas.length) {
                    x += Double.parseDouble(deltas[k]);
                }
            }
        }
        glyphs.removeIf(g -> g.text().isBlank());
        return glyphs;
    }

    static List<Glyph> pdfGlyphs(byte[] pdfBytes) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(p.getUnicode(), p.getXDirAdj(), p.getPageHeight() - p.getYDirAdj()));
                    }
                }
            };
            stripper.getText(doc);
        }
        glyphs.removeIf(g -> g.text().isBlank());
        return glyphs;
    }

    /** The page as ofdrw's renderer draws it, saved under target/ to look at. */
    static BufferedImage image(byte[] ofdBytes, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        Path file = dir.resolve(name + ".ofd");
        Files.write(file, ofdBytes);
        BufferedImage page = OfdImages.page(file, 0, 5);
        ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
        return page;
    }

    /** The package's parts by name, in order. */
    public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
