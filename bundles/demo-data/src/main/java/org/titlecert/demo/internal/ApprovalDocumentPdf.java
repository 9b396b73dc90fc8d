package org.titlecert.demo.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.titlecert.font.CjkFont;

/** Draws a demo approval document (批复文件) in the style of a Chinese red-header official document. */
final class ApprovalDocumentPdf {

    /** The names and numbers a document carries. */
    record Content(String issuer, String approvalNumber, String unitName, String filingName, String committeeName,
                   int people, LocalDate qualified, LocalDate approved, List<String[]> roster) {
    }

    private static final Color RED = new Color(0xC8, 0x10, 0x2E);
    private static final float MARGIN = 72;

    private final byte[] regular;
    private final byte[] bold;

    ApprovalDocumentPdf() throws IOException {
        try (InputStream r = CjkFont.SANS_REGULAR.open(); InputStream b = CjkFont.SANS_BOLD.open()) {
            regular = r.readAllBytes();
            bold = b.readAllBytes();
        }
    }

    byte[] render(Content c) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font text = PDType0Font.load(doc, new java.io.ByteArrayInputStream(regular), true);
            PDType0Font heading = PDType0Font.load(doc, new java.io.ByteArrayInputStream(bold), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth();
            float y = page.getMediaBox().getHeight() - 80;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                centered(cs, heading, 26, RED, c.issuer() + "文件", width, y);
                y -= 40;
                centered(cs, text, 12, Color.BLACK, c.approvalNumber(), width, y);
                y -= 14;
                cs.setStrokingColor(RED);
                cs.setLineWidth(2f);
                cs.moveTo(MARGIN, y);
                cs.lineTo(width - MARGIN, y);
                cs.stroke();
                y -= 36;
                for (String line : wrap(heading, 16, "关于" + c.filingName() + "结果的批复", width - 2 * MARGIN)) {
                    centered(cs, heading, 16, Color.BLACK, line, width, y);
                    y -= 24;
                }
                y -= 10;
                y = paragraph(cs, text, c.unitName() + "：", MARGIN, y, width, false);
                String body = "你单位报送的《关于" + c.filingName() + "结果备案的请示》收悉。经审核，同意" + c.committeeName()
                        + "评审（认定）通过的" + c.people() + "名同志取得相应专业技术资格，资格取得时间为"
                        + c.qualified().getYear() + "年" + c.qualified().getMonthValue() + "月"
                        + c.qualified().getDayOfMonth() + "日。请按规定做好电子职称证书的生成与发放工作。";
                y = paragraph(cs, text, body, MARGIN, y, width, true);
                y = paragraph(cs, text, "附件：" + c.filingName() + "通过人员名单（摘录）", MARGIN, y - 6, width, true);
                y -= 4;
                for (String[] row : c.roster()) {
                    if (y < 190) {
                        line(cs, text, 10.5f, "……（名单详见系统备案数据）", MARGIN + 24, y);
                        y -= 16;
                        break;
                    }
                    line(cs, text, 10.5f, String.join("　", row), MARGIN + 24, y);
                    y -= 16;
                }
                String date = c.approved().getYear() + "年" + c.approved().getMonthValue() + "月"
                        + c.approved().getDayOfMonth() + "日";
                float dateX = width - MARGIN - text.getStringWidth(date) / 1000 * 12;
                stamp(cs, heading, c.issuer(), dateX + 30, 130);
                line(cs, text, 12, c.issuer(), width - MARGIN - text.getStringWidth(c.issuer()) / 1000 * 12, 150);
                line(cs, text, 12, date, dateX, 130);
                line(cs, text, 9, "（此件依申请公开）", MARGIN, 90);
            }
            doc.getDocumentInformation().setTitle("关于" + c.filingName() + "结果的批复");
            doc.getDocumentInformation().setSubject(c.approvalNumber());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A round red seal drawn with the issuer's name, as on printed documents. */
    private static void stamp(PDPageContentStream cs, PDType0Font font, String issuer, float cx, float cy)
            throws IOException {
        float r = 48;
        cs.setStrokingColor(RED);
        cs.setLineWidth(2.5f);
        float k = 0.552284749831f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.stroke();
        String star = "★";
        float size = 9;
        int n = issuer.codePointCount(0, issuer.length());
        double span = Math.toRadians(220);
        double start = Math.toRadians(90) + span / 2;
        int[] cps = issuer.codePoints().toArray();
        cs.setNonStrokingColor(RED);
        for (int i = 0; i < n; i++) {
            double a = start - span * (i + 0.5) / n;
            float x = (float) (cx + (r - 12) * Math.cos(a));
            float y = (float) (cy + (r - 12) * Math.sin(a));
            cs.beginText();
            cs.setFont(font, size);
            cs.setTextMatrix(new org.apache.pdfbox.util.Matrix((float) Math.cos(a - Math.PI / 2),
                    (float) Math.sin(a - Math.PI / 2), (float) -Math.sin(a - Math.PI / 2),
                    (float) Math.cos(a - Math.PI / 2), x - size / 2, y - size / 2));
            cs.showText(new String(cps, i, 1));
            cs.endText();
        }
        cs.beginText();
        cs.setFont(font, 20);
        cs.newLineAtOffset(cx - 10, cy - 8);
        cs.showText(star);
        cs.endText();
        cs.setNonStrokingColor(Color.BLACK);
    }

    private static float paragraph(PDPageContentStream cs, PDType0Font font, String s, float x, float y, float width,
                                   boolean indent) throws IOException {
        List<String> lines = wrap(font, 12, (indent ? "　　" : "") + s, width - 2 * MARGIN);
        for (String l : lines) {
            line(cs, font, 12, l, x, y);
            y -= 22;
        }
        return y;
    }

    private static void centered(PDPageContentStream cs, PDType0Font font, float size, Color color, String s,
                                 float width, float y) throws IOException {
        cs.setNonStrokingColor(color);
        line(cs, font, size, s, (width - font.getStringWidth(s) / 1000 * size) / 2, y);
        cs.setNonStrokingColor(Color.BLACK);
    }

    private static void line(PDPageContentStream cs, PDType0Font font, float size, String s, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Closing punctuation never starts a line (禁则): it hangs at the end of the previous one. */
    private static final String NO_LINE_START = "，。、；：！？）》」』”’";

    static List<String> wrap(PDType0Font font, float size, String s, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int cp : s.codePoints().toArray()) {
            String next = cur + new String(Character.toChars(cp));
            if (font.getStringWidth(next) / 1000 * size > max && cur.length() > 0
                    && NO_LINE_START.indexOf(cp) < 0) {
                lines.add(cur.toString());
                cur = new StringBuilder(new String(Character.toChars(cp)));
            } else {
                cur = new StringBuilder(next);
            }
        }
        if (cur.length() > 0) {
            lines.add(cur.toString());
        }
        return lines;
    }
}
