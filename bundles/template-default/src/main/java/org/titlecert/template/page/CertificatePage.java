package org.titlecert.template.page;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.titlecert.template.Area;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.SealArea;
import org.titlecert.template.SealRole;
import org.titlecert.template.TemplateException;

/**
 * The default certificate on an A4 landscape page: the heading, the photo, the certificate number and the QR code on
 * the left, the fields on the right, and two seal places at the bottom right, apart from the QR code. One page object
 * per renderer; it draws onto any {@link Canvas}.
 */
public final class CertificatePage {

    /** A4 landscape, in points. */
    public static final float WIDTH = 841.8898f;
    public static final float HEIGHT = 595.27563f;

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
    public static final Area COMMITTEE_SEAL = new Area(0, 430 - SEAL / 2, 92, SEAL, SEAL);
    public static final Area AUTHORITY_SEAL = new Area(0, 668 - SEAL / 2, 92, SEAL, SEAL);
    public static final Area QR_CODE = new Area(0, LEFT_CENTRE - QR_SIZE / 2, 118, QR_SIZE, QR_SIZE);
    public static final List<SealArea> SEAL_AREAS = List.of(new SealArea(SealRole.COMMITTEE, COMMITTEE_SEAL),
            new SealArea(SealRole.ISSUING_AUTHORITY, AUTHORITY_SEAL));

    private final Layout layout;
    private final Fonts fonts;

    public CertificatePage(Layout layout, Fonts fonts) {
        this.layout = layout;
        this.fonts = fonts;
    }

    public Layout layout() {
        return layout;
    }

    /** Draws the certificate; its text is left laid out in the fonts, for the canvas's format to write. */
    public void draw(CertificateContent c, Canvas canvas) throws IOException, TemplateException {
        fonts.use();
        frame(canvas);
        heading(canvas);
        float photoY = 456 - PHOTO_H;
        canvas.photo(c.photoJpeg(), LEFT_CENTRE - PHOTO_W / 2, photoY, PHOTO_W, PHOTO_H);
        canvas.strokeRect(RULE, 0.6f, LEFT_CENTRE - PHOTO_W / 2, photoY, PHOTO_W, PHOTO_H);
        centred("证书编号", false, 10, LABEL, LEFT_CENTRE, 284);
        centred(c.certificateNumber(), true, 12, Color.BLACK, LEFT_CENTRE, 267);
        canvas.qrCode(c.verificationUrl(), QR_CODE.x(), QR_CODE.y(), QR_SIZE);
        centred(layout.qrCaption(), false, 9, LABEL, LEFT_CENTRE, 104);
        fields(canvas, c);
        centred("评审组织（盖章）", false, 10, LABEL, centre(COMMITTEE_SEAL), 76);
        centred("发证机关（盖章）", false, 10, LABEL, centre(AUTHORITY_SEAL), 76);
    }

    private static void frame(Canvas canvas) throws IOException {
        canvas.fill(PAPER, 0, 0, WIDTH, HEIGHT);
        canvas.strokeRect(GOLD, 3f, 20, 20, WIDTH - 40, HEIGHT - 40);
        canvas.strokeRect(GOLD, 0.8f, 27, 27, WIDTH - 54, HEIGHT - 54);
    }

    private void heading(Canvas canvas) throws IOException, TemplateException {
        List<Fonts.Run> runs = fonts.runs(layout.heading(), true);
        float spacing = 8;
        int glyphs = layout.heading().codePointCount(0, layout.heading().length());
        float w = Fonts.width(runs, 30) + spacing * (glyphs - 1);
        fonts.text(runs, 30, RED, (WIDTH - w) / 2, 520, spacing);
        if (!layout.subheading().isBlank()) {
            centred(layout.subheading(), false, 8.5f, GOLD, WIDTH / 2, 502);
        }
        canvas.line(RED, 1.2f, 70, 488, WIDTH - 70, 488);
    }

    private void fields(Canvas canvas, CertificateContent c) throws IOException, TemplateException {
        float y = FIRST_ROW;
        pair(canvas, y, "姓名", c.name(), "性别", c.gender());
        pair(canvas, y -= ROW, "出生年月", month(c.birthDate()), "身份证号", layout.printed(c.idNumber()));
        wide(canvas, y -= ROW, "工作单位", c.employer());
        wide(canvas, y -= ROW, "系列/专业", join(c.series(), c.specialty()));
        pair(canvas, y -= ROW, "资格名称", c.titleName(), "资格级别", c.level());
        wide(canvas, y -= ROW, "评审组织", c.committee());
        pair(canvas, y -= ROW, "批复文号", c.approvalNumber(), "取得时间", day(c.qualificationDate()));
        pair(canvas, y -= ROW, "发证机关", c.issuingAuthority(), "发证日期", day(c.issueDate()));
    }

    private void pair(Canvas canvas, float y, String label1, String value1, String label2, String value2)
            throws IOException, TemplateException {
        label(label1, LABEL_RIGHT_1, y);
        value(canvas, value1, VALUE_1, LABEL_RIGHT_2 - 64 - VALUE_1, y);
        label(label2, LABEL_RIGHT_2, y);
        value(canvas, value2, VALUE_2, RIGHT - VALUE_2, y);
    }

    private void wide(Canvas canvas, float y, String label, String value) throws IOException, TemplateException {
        label(label, LABEL_RIGHT_1, y);
        value(canvas, value, VALUE_1, RIGHT - VALUE_1, y);
    }

    private void label(String text, float right, float y) throws TemplateException {
        List<Fonts.Run> runs = fonts.runs(text + "：", false);
        fonts.text(runs, LABEL_SIZE, LABEL, right - Fonts.width(runs, LABEL_SIZE), y, 0);
    }

    /**
     * A value on its line: at full size if it fits, else smaller (down to 10 pt), else on two lines
     * (down to 7 pt); longer text than that cannot be printed legibly and is refused.
     */
    private void value(Canvas canvas, String text, float x, float width, float y)
            throws IOException, TemplateException {
        canvas.line(RULE, 0.5f, x, y - 9, x + width, y - 9);
        String value = text == null || text.isBlank() ? "—" : text.strip();
        List<Fonts.Run> runs = fonts.runs(value, false);
        for (float size = VALUE_SIZE; size >= 10; size -= 0.5f) {
            if (Fonts.width(runs, size) <= width) {
                fonts.text(runs, size, Color.BLACK, x, y, 0);
                return;
            }
        }
        for (float size = 10; size >= 7; size -= 0.5f) {
            String[] lines = split(value, size, width);
            if (lines != null) {
                fonts.text(fonts.runs(lines[0], false), size, Color.BLACK, x, y + 3.5f, 0);
                fonts.text(fonts.runs(lines[1], false), size, Color.BLACK, x, y - 6.5f, 0);
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

    private void centred(String text, boolean heavy, float size, Color colour, float centre, float y)
            throws TemplateException {
        List<Fonts.Run> runs = fonts.runs(text, heavy);
        fonts.text(runs, size, colour, centre - Fonts.width(runs, size) / 2, y, 0);
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
}
