package org.titlecert.template.defaults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.titlecert.template.page.Fonts;

/**
 * The laid-out text of a page written into its PDF, each font embedded as the subset of what it draws. PDFBox would
 * otherwise embed each font whole (widths of all its ~7,500 glyphs, read back into a map) and subset it on save,
 * which was a quarter of a render. A subset's character map holds only the characters drawn, so the ToUnicode map
 * PDFBox writes from it sends each glyph to the character drawn (the whole font sends glyphs that an ideograph shares
 * with a Kangxi radical, 女 and ⼥, to the radical).
 * <p>
 * A subset's character map holds only the Basic Multilingual Plane, so a font that draws a character beyond it (CJK
 * Extension B, as in 𠮷) is embedded whole and subset by PDFBox on save; its ToUnicode map is then replaced after a
 * first save ({@link #toUnicodeAfterSubsetting}).
 */
final class PdfFonts {

    private final Fonts fonts;
    private final Map<Fonts.Face, PDType0Font> embedded = new HashMap<>();

    PdfFonts(Fonts fonts) {
        this.fonts = fonts;
    }

    /** Embeds each font used and writes the laid-out text over the page. */
    void write(PDDocument doc, PDPageContentStream cs) throws IOException {
        embedded.clear();
        for (Fonts.Face f : fonts.used()) {
            embedded.put(f, f.beyondBmp() ? PDType0Font.load(doc, f.trueType(), true)
                    : PDType0Font.load(doc, new RandomAccessReadBuffer(f.subset()), false, false));
        }
        for (Fonts.Text t : fonts.texts()) {
            cs.setNonStrokingColor(t.colour());
            cs.setCharacterSpacing(t.spacing());
            cs.beginText();
            cs.newLineAtOffset(t.x(), t.y());
            for (Fonts.Run r : t.runs()) {
                cs.setFont(embedded.get(r.face()), t.size());
                cs.showText(r.text());
            }
            cs.endText();
        }
        cs.setCharacterSpacing(0);
    }

    /** Whether a font was left for PDFBox to subset on save, so that its ToUnicode map must be put right after. */
    boolean subsetOnSave() {
        return embedded.keySet().stream().anyMatch(Fonts.Face::beyondBmp);
    }

    /** After the document's first save has subset the fonts: ToUnicode maps of the characters drawn. */
    void toUnicodeAfterSubsetting(PDDocument doc) throws IOException {
        for (Map.Entry<Fonts.Face, PDType0Font> e : embedded.entrySet()) {
            if (e.getKey().beyondBmp()) {
                e.getValue().getCOSObject().setItem(COSName.TO_UNICODE, new PDStream(doc,
                        new ByteArrayInputStream(e.getKey().toUnicode()), COSName.FLATE_DECODE));
            }
        }
    }
}
