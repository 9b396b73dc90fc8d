package org.titlecert.verification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.titlecert.font.CjkFont;
import org.titlecert.font.ToUnicode;

/**
 * A plain A4 document of headings, label–value lines and wrapped text in Noto Sans SC (embedded as subsets),
 * flowing onto new pages as it fills: what a person reads, not a certificate.
 */
final class PdfText implements Closeable {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL = 96;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    /** For the CJK Extension B characters of some names (𠮷), which Noto Sans SC lacks. */
    private final PDType0Font fallback;
    /** Per font, each glyph code drawn and its character: for ToUnicode maps that name what was drawn. */
    private final Map<PDType0Font, Map<Integer, Integer>> drawn = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    PdfText(String title) throws IOException {
        try (InputStream r = CjkFont.SANS_REGULAR.open(); InputStream b = CjkFont.SANS_BOLD.open();
             InputStream f = CjkFont.SANS_FALLBACK.open()) {
            regular = PDType0Font.load(doc, r, true);
            bold = PDType0Font.load(doc, b, true);
            fallback = PDType0Font.load(doc, f, true);
        }
        doc.getDocumentInformation().setTitle(title);
        newPage();
        text(bold, 18, MARGIN, title);
        y -= 30;
    }

    void heading(String s) throws IOException {
        room(40);
        y -= 10;
        text(bold, 13, MARGIN, s);
        y -= 8;
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y + 4);
        cs.lineTo(MARGIN + WIDTH, y + 4);
        cs.stroke();
        y -= 14;
    }

    void field(String label, Object value) throws IOException {
        List<String> lines = wrap(value == null ? "—" : value.toString(), 10.5f, WIDTH - LABEL);
        room(16 * lines.size());
        text(regular, 10.5f, MARGIN, label);
        for (String line : lines) {
            text(regular, 10.5f, MARGIN + LABEL, line);
            y -= 16;
        }
    }

    void paragraph(String s) throws IOException {
        for (String line : wrap(s, 10.5f, WIDTH)) {
            room(16);
            text(regular, 10.5f, MARGIN, line);
            y -= 16;
        }
        y -= 4;
    }

    void image(byte[] jpeg, float width) throws IOException {
        PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
        float height = width * image.getHeight() / image.getWidth();
        room(height + 16);
        // the top at the cap height of the line it takes the place of, the next line's glyphs clear of its bottom
        float top = y + 10;
        cs.drawImage(image, MARGIN + LABEL, top - height, width, height);
        y = top - height - 18;
    }

    /** A QR code of {@code link}, {@code size} points square at the left margin, with a caption to its right. */
    void qr(String link, float size, String caption) throws IOException {
        room(size + 20);
        float top = y + 10;
        org.titlecert.font.QrCode.draw(cs, link, MARGIN, top - size, size);
        for (String line : wrap(caption, 10.5f, WIDTH - size - 16)) {
            text(regular, 10.5f, MARGIN + size + 16, line);
            y -= 16;
        }
        y = top - size - 18;
    }

    /** The document: saved once so that the fonts are subset, then with ToUnicode maps of what was drawn. */
    byte[] toBytes() throws IOException {
        cs.close();
        cs = null;
        doc.save(OutputStream.nullOutputStream());
        for (Map.Entry<PDType0Font, Map<Integer, Integer>> e : drawn.entrySet()) {
            e.getKey().getCOSObject().setItem(COSName.TO_UNICODE, new PDStream(doc,
                    new ByteArrayInputStream(ToUnicode.cmap(e.getValue())), COSName.FLATE_DECODE));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }

    /** Draws text in {@code font}, each character the font lacks in the fallback font; none is ever dropped. */
    private void text(PDType0Font font, float size, float x, String s) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        PDType0Font current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            PDType0Font f = has(font, ch) ? font : fallback;
            if (f != current && run.length() > 0) {
                cs.showText(run.toString());
                run.setLength(0);
            }
            if (f != current) {
                cs.setFont(f, size);
                current = f;
            }
            run.append(ch);
            byte[] code = f.encode(ch);
            drawn.computeIfAbsent(f, k -> new HashMap<>()).put(((code[0] & 0xff) << 8) | (code[1] & 0xff), cp);
            i += Character.charCount(cp);
        }
        if (run.length() > 0) {
            cs.showText(run.toString());
        }
        cs.endText();
    }

    private static boolean has(PDType0Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private float width(String s, float size) throws IOException {
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            w += (has(regular, ch) ? regular : fallback).getStringWidth(ch);
            i += Character.charCount(cp);
        }
        return w / 1000 * size;
    }

    /** Breaks text into lines that fit, between any two characters (Chinese has no spaces to break at). */
    private List<String> wrap(String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : s.replace("\r", "").split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (line.length() > 0 && width(line + ch, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
