package org.titlecert.template.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.font.QrCode;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.SealRole;
import org.titlecert.template.TemplateException;
import org.titlecert.template.page.Layout;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class DefaultRendererTest {

    private static DefaultTemplate template;
    private static CertificateRenderer renderer;
    private static byte[] photo;

    @BeforeAll
    static void load() throws IOException {
        template = new DefaultTemplate(Layout.standard(), "1.0.0");
        renderer = template.newRenderer();
        BufferedImage img = new BufferedImage(413, 579, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3A, 0x6E, 0xA5));
        g.fillRect(0, 0, 413, 579);
        g.setColor(new Color(0xF1, 0xC2, 0x9A));
        g.fillOval(106, 90, 200, 250);
        g.fillRect(60, 380, 293, 199);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        photo = out.toByteArray();
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    static CertificateContent content(String name, String employer) {
        return new CertificateContent("34202201AHKJGJ00007", name, "女", LocalDate.of(1983, 10, 26),
                "340111198310261587", employer, "会计人员", "会计", "正高级会计师", "正高级",
                "安徽省会计系列高级专业技术资格评审委员会", "皖职改办〔2022〕9号", LocalDate.of(2022, 12, 26),
                "安徽省人力资源和社会保障厅", LocalDate.of(2023, 1, 31), photo,
                "https://zc.example.gov.cn/v/q3Vd9sLxYb0eTn2kPz8W1A");
    }

    @Test
    void printsEveryFieldInChineseAndTheRareCharactersOfNames() throws Exception {
        RenderedCertificate r = renderer.render(content("吉𠮷龘堃犇", "合肥百货大楼集团股份有限公司"));
        save(r, "certificate-rare-name");
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(doc.getNumberOfPages()).isOne();
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("专业技术资格证书", "姓名：吉𠮷龘堃犇", "性别：女", "出生年月：1983年10月",
                    "身份证号：340111198310261587", "工作单位：合肥百货大楼集团股份有限公司", "系列/专业：会计人员/会计",
                    "资格名称：正高级会计师", "资格级别：正高级", "评审组织：安徽省会计系列高级专业技术资格评审委员会",
                    "批复文号：皖职改办〔2022〕9号", "取得时间：2022年12月26日", "发证机关：安徽省人力资源和社会保障厅",
                    "发证日期：2023年1月31日", "证书编号34202201AHKJGJ00007", "评审组织（盖章）", "发证机关（盖章）");
            PDPage page = doc.getPage(0);
            PDResources res = page.getResources();
            int fonts = 0;
            for (var name : res.getFontNames()) {
                PDFont font = res.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).as("embedded as a subset").matches("[A-Z]{6}\\+.*");
                fonts++;
            }
            assertThat(fonts).as("the common subsets, the full font for 龘堃犇 and the Extension B fallback")
                    .isEqualTo(4);
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("<dc:identifier>34202201AHKJGJ00007</dc:identifier>", "安徽省人力资源和社会保障厅",
                            "xmp:CreateDate>" + java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")))
                    .doesNotContain("@@", "2000-01-01");
            assertThat(doc.getDocumentInformation().getKeywords()).contains("34202201AHKJGJ00007");
        }
    }

    /** The usual case, common characters only, is saved once; what was drawn is still what is extracted. */
    @Test
    void aCommonNameExtractsAsDrawnFromASingleSave() throws Exception {
        RenderedCertificate r = renderer.render(content("王丽", "安徽江淮汽车集团股份有限公司"));
        save(r, "certificate-common-name");
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("姓名：王丽", "性别：女", "工作单位：安徽江淮汽车集团股份有限公司", "资格级别：正高级")
                    .doesNotContain("⼥", "⽇", "⾼");
            PDResources res = doc.getPage(0).getResources();
            for (var name : res.getFontNames()) {
                assertThat(res.getFont(name).getName()).as("embedded as a subset").matches("[A-Z]{6}\\+.*");
            }
        }
    }

    @Test
    void theQrCodeOnTheRenderedPageIsTheVerificationUrl() throws Exception {
        RenderedCertificate r = renderer.render(content("张三", "合肥市第一人民医院"));
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            int fonts = 0;
            for (var ignored : doc.getPage(0).getResources().getFontNames()) {
                fonts++;
            }
            assertThat(fonts).as("common characters need only the small regular and bold subsets").isEqualTo(2);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertThat(decoded).isEqualTo("https://zc.example.gov.cn/v/q3Vd9sLxYb0eTn2kPz8W1A");
        }
    }

    /**
     * Every verification URL scans, not only one: random tokens on a realistic base URL, each page decoded as a
     * phone sees a print (150 dpi, or nearer at 200 and 300).
     */
    @Test
    void theQrCodesOfManyRandomTokensAllScan() throws Exception {
        java.util.Random random = new java.util.Random(20261202);
        java.util.List<String> unreadable = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            byte[] token = new byte[16];
            random.nextBytes(token);
            String url = "https://zc.hrss.ah.gov.cn/v/" + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(token);
            try (PDDocument doc = Loader.loadPDF(renderer.render(withUrl(url)).pdf())) {
                if (!url.equals(scan(doc))) {
                    unreadable.add(url);
                }
            }
        }
        assertThat(unreadable).isEmpty();
    }

    /**
     * URLs whose codes, with the mask the standard's scoring picks, ZXing's detector misreads even as perfect images
     * (the first at every size, the second from 4 pixels a module up): they are drawn with another mask, and scan.
     */
    @Test
    void codesTheDetectorMisreadsAreDrawnWithAMaskItReads() throws Exception {
        for (String url : List.of("http://127.0.0.1:54854/v/bfpsbJpye7nABlL38AvP8w",
                "http://127.0.0.1:39699/v/vRoZa9Diu0PXDZPJPEJk5Q")) {
            var standard = com.google.zxing.qrcode.encoder.Encoder.encode(url,
                    com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                    java.util.Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
            assertThat(QrCode.reads(standard.getMatrix(), url)).as("%s with the standard's mask", url).isFalse();
            assertThat(QrCode.reads(QrCode.encode(url), url)).as(url).isTrue();
            try (PDDocument doc = Loader.loadPDF(renderer.render(withUrl(url)).pdf())) {
                assertThat(scan(doc)).isEqualTo(url);
            }
        }
    }

    /** The 电子证照 fields go into the XMP as given, each an element of its own, special characters escaped. */
    @Test
    void writesTheLicenceFieldsIntoTheXmp() throws Exception {
        CertificateContent c = content("王丽", "安徽江淮汽车集团股份有限公司");
        java.util.Map<String, String> licence = new java.util.LinkedHashMap<>();
        licence.put("证照类型名称", "专业技术资格证书");
        licence.put("证照编号", c.certificateNumber());
        licence.put("持证主体", "王丽");
        licence.put("持证主体代码", "340111********1587");
        licence.put("发证机构", "安徽省人力资源<和>社会保障厅 & 局");
        licence.put("有效期", "长期");
        RenderedCertificate r = renderer.render(new CertificateContent(c.certificateNumber(), c.name(), c.gender(),
                c.birthDate(), c.idNumber(), c.employer(), c.series(), c.specialty(), c.titleName(), c.level(),
                c.committee(), c.approvalNumber(), c.qualificationDate(), c.issuingAuthority(), c.issueDate(),
                c.photoJpeg(), c.verificationUrl(), licence));
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            org.w3c.dom.Document xmp = f.newDocumentBuilder().parse(
                    new java.io.ByteArrayInputStream(doc.getDocumentCatalog().getMetadata().toByteArray()));
            org.w3c.dom.NodeList fields = xmp.getElementsByTagNameNS(DefaultRenderer.LICENCE_NS, "*");
            java.util.Map<String, String> read = new java.util.LinkedHashMap<>();
            for (int i = 0; i < fields.getLength(); i++) {
                read.put(fields.item(i).getLocalName(), fields.item(i).getTextContent());
            }
            assertThat(read).containsExactlyEntriesOf(licence);
            // and the standard schemas are still there beside it
            assertThat(xmp.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "identifier").item(0)
                    .getTextContent()).isEqualTo(c.certificateNumber());
        }
    }

    @Test
    void attachesTheCredentialAsItIsAndOnlyWhenGiven() throws Exception {
        CertificateContent c = content("王丽", "安徽江淮汽车集团股份有限公司");
        String vc = "eyJhbGciOiJFUzI1NiJ9.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19.c2lnbmF0dXJl";
        RenderedCertificate r = renderer.render(new CertificateContent(c.certificateNumber(), c.name(), c.gender(),
                c.birthDate(), c.idNumber(), c.employer(), c.series(), c.specialty(), c.titleName(), c.level(),
                c.committee(), c.approvalNumber(), c.qualificationDate(), c.issuingAuthority(), c.issueDate(),
                c.photoJpeg(), c.verificationUrl(), c.licence(), vc));
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys(CertificateContent.CREDENTIAL_FILE);
            var spec = files.get(CertificateContent.CREDENTIAL_FILE);
            assertThat(new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(vc);
            assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("application/vc+jwt");
            assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Alternative");
            // the associated file of the document (PDF 2.0 AF) is that same file specification
            var af = (org.apache.pdfbox.cos.COSArray) doc.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("AF"));
            assertThat(af.getObject(0)).isSameAs(spec.getCOSObject());
            // the page is the same as without it
            assertThat(new PDFTextStripper().getText(doc)).contains("王丽", c.certificateNumber());
        }
        try (PDDocument doc = Loader.loadPDF(renderer.render(c).pdf())) {
            assertThat(doc.getDocumentCatalog().getNames()).isNull();
        }
    }

    private static CertificateContent withUrl(String url) {
        CertificateContent c = content("王丽", "安徽江淮汽车集团股份有限公司");
        return new CertificateContent(c.certificateNumber(), c.name(), c.gender(), c.birthDate(), c.idNumber(),
                c.employer(), c.series(), c.specialty(), c.titleName(), c.level(), c.committee(),
                c.approvalNumber(), c.qualificationDate(), c.issuingAuthority(), c.issueDate(), c.photoJpeg(), url);
    }

    private static String scan(PDDocument doc) throws IOException {
        for (int dpi : new int[] {150, 200, 300}) {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                        new PDFRenderer(doc).renderImageWithDPI(0, dpi))))).getText();
            } catch (com.google.zxing.ReaderException e) {
                // nearer
            }
        }
        return null;
    }

    @Test
    void sealPlacesKeepClearOfTheQrCodeAndEachOther() throws Exception {
        RenderedCertificate r = renderer.render(content("张三", "合肥市第一人民医院"));
        var committee = r.sealArea(SealRole.COMMITTEE).orElseThrow();
        var authority = r.sealArea(SealRole.ISSUING_AUTHORITY).orElseThrow();
        assertThat(committee.overlaps(r.qrArea())).isFalse();
        assertThat(authority.overlaps(r.qrArea())).isFalse();
        assertThat(committee.overlaps(authority)).isFalse();
        assertThat(committee.width()).as("a 42 mm seal").isGreaterThan(118);
        // the quiet zone is white on the rendered page: sample a ring just inside the QR area
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            float scale = 150 / 72f;
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            var qr = r.qrArea();
            int top = (int) ((org.titlecert.template.page.CertificatePage.HEIGHT - qr.y() - qr.height()) * scale);
            for (int i = 2; i < (int) (qr.width() * scale) - 2; i += 3) {
                assertThat(page.getRGB((int) (qr.x() * scale) + i, top + 3) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
    }

    @Test
    void longEmployerNamesShrinkOrWrapAndAbsurdOnesAreRefused() throws Exception {
        String longName = "安徽省合肥市蜀山区经济技术开发区某某高新技术产业集团有限责任公司第二分公司财务管理中心";
        RenderedCertificate r = renderer.render(content("欧阳娜娜", longName));
        save(r, "certificate-long-employer");
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains(longName);
        }
        assertThatThrownBy(() -> renderer.render(content("张三", longName.repeat(4))))
                .isInstanceOf(TemplateException.class).extracting("code").isEqualTo("TEXT_TOO_LONG");
    }

    @Test
    void aCharacterNoFontHasFailsClearlyInsteadOfPrintingABox() {
        assertThatThrownBy(() -> renderer.render(content("张\uD869\uDED6", "合肥市第一人民医院")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("U+2A6D6")
                .extracting("code").isEqualTo("GLYPH_MISSING");
    }

    @Test
    void aProvinceMayPrintTheIdNumberWithItsMiddleHidden() throws Exception {
        Layout masked = new Layout(Layout.standard().heading(), Layout.standard().subheading(),
                Layout.standard().qrCaption(), true);
        DefaultTemplate maskedTemplate = new DefaultTemplate(masked, "1.0.0");
        RenderedCertificate r = maskedTemplate.newRenderer().render(content("王丽", "合肥百货大楼集团股份有限公司"));
        save(r, "certificate-masked-id");
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("身份证号：340111********1587").doesNotContain("198310261587");
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .doesNotContain("340111198310261587");
        }
        assertThat(maskedTemplate.revision()).as("a change makes every certificate again")
                .isNotEqualTo(template.revision());
    }

    @Test
    void theRevisionFollowsTheWordingAndTheBundleVersion() {
        assertThat(new DefaultTemplate(Layout.standard(), "1.0.0").revision()).isEqualTo(template.revision());
        assertThat(new DefaultTemplate(new Layout("职称证书", "", "扫码验证", false), "1.0.0").revision())
                .isNotEqualTo(template.revision());
        assertThat(new DefaultTemplate(Layout.standard(), "1.0.1").revision()).isNotEqualTo(template.revision());
        assertThat(Layout.release(new org.osgi.framework.Version("1.0.0.202612021924")))
                .as("a rebuild of the same release").isEqualTo("1.0.0");
        assertThat(Layout.release(new org.osgi.framework.Version("1.2.3"))).isEqualTo("1.2.3");
    }

    /** Writes the PDF and its rendering under target/ to look at. */
    private static void save(RenderedCertificate r, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        Files.write(dir.resolve(name + ".pdf"), r.pdf());
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", dir.resolve(name + ".png").toFile());
        }
    }
}
