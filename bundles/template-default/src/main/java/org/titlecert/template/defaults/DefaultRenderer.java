package org.titlecert.template.defaults;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.xmpbox.DateConverter;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.titlecert.font.QrCode;
import org.titlecert.template.Area;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.SealArea;
import org.titlecert.template.SealRole;
import org.titlecert.template.TemplateException;

/**
 * Draws the default certificate on an A4 landscape page: the heading, the photo, the certificate number
 * and the QR code on the left, the fields on the right, and two seal places at the bottom right, apart
 * from the QR code.
 */
final class DefaultRenderer implements CertificateRenderer {

    static final float WIDTH = PDRectangle.A4.getHeight();
    static final float HEIGHT = PDRectangle.A4.getWidth();

    private static final Color RED = new Color(0xA5, 0x14, 0x1B);
    private static final Color GOLD = new Color(0xB8, 0x91, 0x4A);
    private static final Color LABEL = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xCC, 0xC4, 0xB0);
    private static final Color PAPER = new Color(0xFF, 0xFD, 0xF7);

    /** The photo: 35 × 49 mm. */
    private static final float PHOTO_W = 99.2f;
    private static final float PHOTO_H = 138.9f;
    private static final float LEFT_CENTRE = 160;
    private static final float QR_SIZE = 104;

    /** Field grid: two columns of label and value, or one value across both. */
    private static final float LABEL_RIGHT_1 = 352;
    private static final float VALUE_1 = 360;
    private static final float LABEL_RIGHT_2 = 592;
    private static final float VALUE_2 = 600;
    private static final float RIGHT = 786;
    private static final float FIRST_ROW = 446;
    private static final float ROW = 27;
    private static final float VALUE_SIZE = 13;
    private static final float LABEL_SIZE = 11;

    /** A seal: 42 mm across. */
    private static final float SEAL = 120;
    static final Area COMMITTEE_SEAL = new Area(0, 430 - SEAL / 2, 92, SEAL, SEAL);
    static final Area AUTHORITY_SEAL = new Area(0, 668 - SEAL / 2, 92, SEAL, SEAL);

    private final Layout layout;
    private final Fonts fonts;
    private final String xmp;
    private final String sentinelDate;

    DefaultRenderer(Layout layout, DefaultTemplate.FontFiles files) {
        this.layout = layout;
        this.fonts = new Fonts(files);
        Calendar sentinel = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        sentinel.setTimeInMillis(946_684_800_000L);
        this.xmp = xmpTemplate(layout, sentinel);
        this.sentinelDate = DateConverter.toISO8601(sentinel);
    }

    @Override
    public RenderedCertificate render(CertificateContent c) throws TemplateException {
        try (PDDocument doc = new PDDocument()) {
            fonts.use();
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            PDImageXObject photo = Jpegs.image(doc, c.photoJpeg());
            Area qr;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                frame(cs);
                heading(cs);
                cs.drawImage(photo, LEFT_CENTRE - PHOTO_W / 2, 456 - PHOTO_H, PHOTO_W, PHOTO_H);
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.6f);
                cs.addRect(LEFT_CENTRE - PHOTO_W / 2, 456 - PHOTO_H, PHOTO_W, PHOTO_H);
                cs.stroke();
                centred(cs, "证书编号", false, 10, LABEL, LEFT_CENTRE, 284);
                centred(cs, c.certificateNumber(), true, 12, Color.BLACK, LEFT_CENTRE, 267);
                QrCode.draw(cs, c.verificationUrl(), LEFT_CENTRE - QR_SIZE / 2, 118, QR_SIZE);
                qr = new Area(0, LEFT_CENTRE - QR_SIZE / 2, 118, QR_SIZE, QR_SIZE);
                centred(cs, layout.qrCaption(), false, 9, LABEL, LEFT_CENTRE, 104);
                fields(cs, c);
                centred(cs, "评审组织（盖章）", false, 10, LABEL, centre(COMMITTEE_SEAL), 76);
                centred(cs, "发证机关（盖章）", false, 10, LABEL, centre(AUTHORITY_SEAL), 76);
                fonts.write(doc, cs);
            }
            metadata(doc, c);
            if (fonts.subsetOnSave()) {
                doc.save(OutputStream.nullOutputStream());
                fonts.toUnicodeAfterSubsetting(doc);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
            doc.save(out);
            return new RenderedCertificate(out.toByteArray(), List.of(
                    new SealArea(SealRole.COMMITTEE, COMMITTEE_SEAL),
                    new SealArea(SealRole.ISSUING_AUTHORITY, AUTHORITY_SEAL)), qr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void frame(PDPageContentStream cs) throws IOException {
        cs.setNonStrokingColor(PAPER);
        cs.addRect(0, 0, WIDTH, HEIGHT);
        cs.fill();
        cs.setStrokingColor(GOLD);
        cs.setLineWidth(3f);
        cs.addRect(20, 20, WIDTH - 40, HEIGHT - 40);
        cs.stroke();
        cs.setLineWidth(0.8f);
        cs.addRect(27, 27, WIDTH - 54, HEIGHT - 54);
        cs.stroke();
    }

    private void heading(PDPageContentStream cs) throws IOException, TemplateException {
        List<Fonts.Run> runs = fonts.runs(layout.heading(), true);
        float spacing = 8;
        int glyphs = layout.heading().codePointCount(0, layout.heading().length());
        float w = Fonts.width(runs, 30) + spacing * (glyphs - 1);
        fonts.text(runs, 30, RED, (WIDTH - w) / 2, 520, spacing);
        if (!layout.subheading().isBlank()) {
            centred(cs, layout.subheading(), false, 8.5f, GOLD, WIDTH / 2, 502);
        }
        cs.setStrokingColor(RED);
        cs.setLineWidth(1.2f);
        cs.moveTo(70, 488);
        cs.lineTo(WIDTH - 70, 488);
        cs.stroke();
    }

    private void fields(PDPageContentStream cs, CertificateContent c) throws IOException, TemplateException {
        float y = FIRST_ROW;
        pair(cs, y, "姓名", c.name(), "性别", c.gender());
        pair(cs, y -= ROW, "出生年月", month(c.birthDate()), "身份证号", layout.printed(c.idNumber()));
        wide(cs, y -= ROW, "工作单位", c.employer());
        wide(cs, y -= ROW, "系列/专业", join(c.series(), c.specialty()));
        pair(cs, y -= ROW, "资格名称", c.titleName(), "资格级别", c.level());
        wide(cs, y -= ROW, "评审组织", c.committee());
        pair(cs, y -= ROW, "批复文号", c.approvalNumber(), "取得时间", day(c.qualificationDate()));
        pair(cs, y -= ROW, "发证机关", c.issuingAuthority(), "发证日期", day(c.issueDate()));
    }

    private void pair(PDPageContentStream cs, float y, String label1, String value1, String label2, String value2)
            throws IOException, TemplateException {
        label(cs, label1, LABEL_RIGHT_1, y);
        value(cs, value1, VALUE_1, LABEL_RIGHT_2 - 64 - VALUE_1, y);
        label(cs, label2, LABEL_RIGHT_2, y);
        value(cs, value2, VALUE_2, RIGHT - VALUE_2, y);
    }

    private void wide(PDPageContentStream cs, float y, String label, String value)
            throws IOException, TemplateException {
        label(cs, label, LABEL_RIGHT_1, y);
        value(cs, value, VALUE_1, RIGHT - VALUE_1, y);
    }

    private void label(PDPageContentStream cs, String text, float right, float y)
            throws IOException, TemplateException {
        List<Fonts.Run> runs = fonts.runs(text + "：", false);
        draw(cs, runs, LABEL_SIZE, LABEL, right - Fonts.width(runs, LABEL_SIZE), y);
    }

    /**
     * A value on its line: at full size if it fits, else smaller (down to 10 pt), else on two lines
     * (down to 7 pt); longer text than that cannot be printed legibly and is refused.
     */
    private void value(PDPageContentStream cs, String text, float x, float width, float y)
            throws IOException, TemplateException {
        cs.setStrokingColor(RULE);
        cs.setLineWidth(0.5f);
        cs.moveTo(x, y - 9);
        cs.lineTo(x + width, y - 9);
        cs.stroke();
        String value = text == null || text.isBlank() ? "—" : text.strip();
        List<Fonts.Run> runs = fonts.runs(value, false);
        for (float size = VALUE_SIZE; size >= 10; size -= 0.5f) {
            if (Fonts.width(runs, size) <= width) {
                draw(cs, runs, size, Color.BLACK, x, y);
                return;
            }
        }
        for (float size = 10; size >= 7; size -= 0.5f) {
            String[] lines = split(value, size, width);
            if (lines != null) {
                draw(cs, fonts.runs(lines[0], false), size, Color.BLACK, x, y + 3.5f);
                draw(cs, fonts.runs(lines[1], false), size, Color.BLACK, x, y - 6.5f);
                return;
            }
        }
        throw new TemplateException("TEXT_TOO_LONG", "内容过长，证书上无法清晰打印：" + value);
    }

    /** The most even split into two lines that each fit the width at this size, or {@code null}. */
    private String[] split(String text, float size, float width) throws TemplateException {
        int[] cps = text.codePoints().toArray();
        String[] best = null;
        float widest = Float.MAX_VALUE;
        for (int cut = 1; cut < cps.length; cut++) {
            String first = new String(cps, 0, cut);
            String second = new String(cps, cut, cps.length - cut);
            float w = Math.max(Fonts.width(fonts.runs(first, false), size),
                    Fonts.width(fonts.runs(second, false), size));
            if (w <= width && w < widest) {
                best = new String[] {first, second};
                widest = w;
            }
        }
        return best;
    }

    private void centred(PDPageContentStream cs, String text, boolean heavy, float size, Color colour, float centre,
                         float y) throws IOException, TemplateException {
        List<Fonts.Run> runs = fonts.runs(text, heavy);
        draw(cs, runs, size, colour, centre - Fonts.width(runs, size) / 2, y);
    }

    /** Lays the text out; the fonts write it over the page once they are made (see {@link Fonts}). */
    private void draw(PDPageContentStream cs, List<Fonts.Run> runs, float size, Color colour, float x, float y) {
        fonts.text(runs, size, colour, x, y, 0);
    }

    private static float centre(Area a) {
        return a.x() + a.width() / 2;
    }

    private static String join(String series, String specialty) {
        List<String> parts = new ArrayList<>(2);
        for (String p : new String[] {series, specialty}) {
            if (p != null && !p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return String.join(" / ", parts);
    }

    static String month(LocalDate d) {
        return d == null ? null : d.getYear() + "年" + d.getMonthValue() + "月";
    }

    static String day(LocalDate d) {
        return d == null ? null : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Document information and XMP: title, the certificate number as identifier, the issuer, the 电子证照 fields. */
    private void metadata(PDDocument doc, CertificateContent c) throws IOException {
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai")));
        String title = layout.heading() + " " + c.certificateNumber();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(c.titleName());
        info.setAuthor(c.issuingAuthority());
        info.setKeywords("证书编号 " + c.certificateNumber());
        info.setCreator("TitleCert");
        info.setProducer("TitleCert");
        info.setCreationDate(now);
        String xml = xmp.replace(SENTINEL_NUMBER, escape(c.certificateNumber()))
                .replace(SENTINEL_AUTHORITY, escape(c.issuingAuthority() == null ? "" : c.issuingAuthority()))
                .replace(sentinelDate, DateConverter.toISO8601(now));
        if (!c.licence().isEmpty()) {
            int end = xml.lastIndexOf("</rdf:RDF>");
            xml = xml.substring(0, end) + licence(c.licence()) + xml.substring(end);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
    }

    /** The namespace of the 电子证照 fields in XMP; each field is an element named as GB/T 36903 names it. */
    static final String LICENCE_NS = "urn:titlecert:dzzz/";

    /** The 电子证照 metadata as an XMP description of its own: simple properties, in the standard's order. */
    private static String licence(Map<String, String> fields) {
        StringBuilder x = new StringBuilder(512).append("<rdf:Description rdf:about=\"\" xmlns:dzzz=\"")
                .append(LICENCE_NS).append("\">");
        fields.forEach((k, v) -> x.append("<dzzz:").append(k).append('>').append(escape(v))
                .append("</dzzz:").append(k).append('>'));
        return x.append("</rdf:Description>").toString();
    }

    private static final String SENTINEL_NUMBER = "@@certificate-number@@";
    private static final String SENTINEL_AUTHORITY = "@@issuing-authority@@";

    /**
     * The XMP packet, serialised once by xmpbox with sentinels where each certificate's values go:
     * serialising it anew for every certificate costs a fifth of the render.
     */
    private static String xmpTemplate(Layout layout, Calendar sentinel) {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(layout.heading() + " " + SENTINEL_NUMBER);
        dc.setIdentifier(SENTINEL_NUMBER);
        dc.setFormat("application/pdf");
        dc.addCreator(SENTINEL_AUTHORITY);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer("TitleCert");
        pdf.setKeywords("证书编号 " + SENTINEL_NUMBER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(sentinel);
        basic.setCreatorTool("TitleCert");
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the XMP metadata", e);
        }
        return xml.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        fonts.close();
    }
}
