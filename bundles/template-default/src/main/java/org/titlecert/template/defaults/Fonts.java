package org.titlecert.template.defaults;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.titlecert.font.ToUnicode;
import org.titlecert.template.TemplateException;

/**
 * One renderer's fonts: parsed once, then embedded into each document as a subset of exactly the characters it
 * draws. Text is split into runs, each drawn with the first font of the chain that has all its characters; a
 * character no font has is a {@link TemplateException}, never a box.
 * <p>
 * Text is measured from the parsed fonts and recorded while the page is laid out, then written at the end with
 * fonts subset beforehand: PDFBox would otherwise embed each font whole (widths of all its ~7,500 glyphs, read
 * back into a map) and subset it on save, which was a quarter of a render. A subset's character map holds only
 * the characters drawn, so the ToUnicode map PDFBox writes from it sends each glyph to the character drawn (the
 * whole font sends glyphs that an ideograph shares with a Kangxi radical, 女 and ⼥, to the radical).
 * <p>
 * A subset's character map holds only the Basic Multilingual Plane, so a font that draws a character beyond it
 * (CJK Extension B, as in 𠮷) is embedded whole and subset by PDFBox on save; its ToUnicode map is then
 * replaced after a first save ({@link #toUnicodeAfterSubsetting}).
 */
final class Fonts implements AutoCloseable {

    /** A stretch of text drawn with one font. */
    record Run(Face face, String text) {
    }

    /** Text laid out on the page, written when the document's fonts are made. */
    private record Text(List<Run> runs, float size, Color colour, float x, float y, float spacing) {
    }

    private final Face regular;
    private final Face commonRegular;
    private final Face commonBold;
    private final Face fallback;
    private final List<Face> all;
    private final List<Face> regularChain;
    private final List<Face> boldChain;
    private final List<Text> texts = new ArrayList<>();
    private final Map<Face, PDType0Font> embedded = new HashMap<>();

    Fonts(DefaultTemplate.FontFiles files) {
        this.regular = new Face(files.regular());
        this.commonRegular = new Face(files.commonRegular());
        this.commonBold = new Face(files.commonBold());
        this.fallback = new Face(files.fallback());
        this.all = List.of(commonRegular, commonBold, regular, fallback);
        this.regularChain = List.of(commonRegular, regular, fallback);
        this.boldChain = List.of(commonBold, commonRegular, regular, fallback);
    }

    /** Starts a document. */
    void use() {
        texts.clear();
        embedded.clear();
        for (Face f : all) {
            f.drawn.clear();
        }
    }

    List<Run> runs(String text, boolean heavy) throws TemplateException {
        List<Face> chain = heavy ? boldChain : regularChain;
        List<Run> runs = new ArrayList<>();
        Face current = null;
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Face face = null;
            for (Face f : chain) {
                if (f.has(cp)) {
                    face = f;
                    break;
                }
            }
            if (face == null) {
                throw new TemplateException("GLYPH_MISSING", String.format(
                        "证书字体中没有字符“%s”（U+%04X），无法生成证书，请联系系统管理员安装包含该字的字体",
                        new String(Character.toChars(cp)), cp));
            }
            if (face != current && pending.length() > 0) {
                runs.add(new Run(current, pending.toString()));
                pending.setLength(0);
            }
            current = face;
            pending.appendCodePoint(cp);
        }
        if (pending.length() > 0) {
            runs.add(new Run(current, pending.toString()));
        }
        return runs;
    }

    /** The width of the runs at this size, in points, as the embedded fonts' widths will give it. */
    static float width(List<Run> runs, float size) {
        float w = 0;
        for (Run r : runs) {
            w += r.face().width(r.text()) / 1000f * size;
        }
        return w;
    }

    /** Lays out text at (x, y), {@code spacing} points between characters; it is written by {@link #write}. */
    void text(List<Run> runs, float size, Color colour, float x, float y, float spacing) {
        for (Run r : runs) {
            r.text().codePoints().forEach(r.face().drawn::add);
        }
        texts.add(new Text(runs, size, colour, x, y, spacing));
    }

    /** Embeds each font used as the subset of what it draws, and writes the laid-out text over the page. */
    void write(PDDocument doc, PDPageContentStream cs) throws IOException {
        for (Face f : all) {
            if (!f.drawn.isEmpty()) {
                embedded.put(f, f.embed(doc));
            }
        }
        for (Text t : texts) {
            cs.setNonStrokingColor(t.colour());
            cs.setCharacterSpacing(t.spacing());
            cs.beginText();
            cs.newLineAtOffset(t.x(), t.y());
            for (Run r : t.runs()) {
                cs.setFont(embedded.get(r.face()), t.size());
                cs.showText(r.text());
            }
            cs.endText();
        }
        cs.setCharacterSpacing(0);
    }

    /** Whether a font was left for PDFBox to subset on save, so that its ToUnicode map must be put right after. */
    boolean subsetOnSave() {
        return embedded.keySet().stream().anyMatch(Face::beyondBmp);
    }

    /** After the document's first save has subset the fonts: ToUnicode maps of the characters drawn. */
    void toUnicodeAfterSubsetting(PDDocument doc) throws IOException {
        for (Map.Entry<Face, PDType0Font> e : embedded.entrySet()) {
            if (e.getKey().beyondBmp()) {
                e.getValue().getCOSObject().setItem(COSName.TO_UNICODE, new PDStream(doc,
                        new ByteArrayInputStream(e.getKey().toUnicode()), COSName.FLATE_DECODE));
            }
        }
    }

    @Override
    public void close() {
        all.forEach(Face::close);
    }

    /** A parsed TrueType font, and the characters the current document draws with it. */
    static final class Face {
        private final TrueTypeFont ttf;
        private final CmapLookup cmap;
        private final HorizontalMetricsTable metrics;
        private final float scale;
        private final TreeSet<Integer> drawn = new TreeSet<>();
        /**
         * The tables a subset keeps: those PDFBox keeps when it subsets, and the character map, names and metrics
         * that embedding a font whole reads. Without a list the layout tables (GSUB, GPOS: most of a CJK font) are
         * copied whole.
         */
        private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
                "hmtx", "fpgm", "gasp", "cmap", "name", "OS/2", "post");

        Face(byte[] data) {
            try {
                ttf = new TTFParser().parse(new RandomAccessReadBuffer(data));
                // certificate text needs no ligatures or contextual forms, and GSUB cost a sixth of a render
                ttf.setEnableGsub(false);
                cmap = ttf.getUnicodeCmapLookup();
                metrics = ttf.getHorizontalMetrics();
                scale = 1000f / ttf.getHeader().getUnitsPerEm();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse a certificate font", e);
            }
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        /** In thousandths of the font size, each glyph's advance rounded as PDF widths are. */
        float width(String text) {
            float w = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                w += Math.round(metrics.getAdvanceWidth(cmap.getGlyphId(cp)) * scale);
            }
            return w;
        }

        boolean beyondBmp() {
            return !drawn.isEmpty() && drawn.last() > 0xFFFF;
        }

        /** The drawn characters as a font of their own, embedded whole, named with a subset tag. */
        PDType0Font embed(PDDocument doc) throws IOException {
            if (beyondBmp()) {
                return PDType0Font.load(doc, ttf, true);
            }
            TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
            subsetter.setPrefix(tag(drawn));
            subsetter.addAll(drawn);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            subsetter.writeToStream(out);
            return PDType0Font.load(doc, new RandomAccessReadBuffer(out.toByteArray()), false, false);
        }

        /** Six capital letters that name the subset, the same for the same characters. */
        private static String tag(TreeSet<Integer> codePoints) {
            long hash = codePoints.hashCode() & 0xFFFFFFFFL;
            StringBuilder tag = new StringBuilder(7);
            for (int i = 0; i < 6; i++) {
                tag.append((char) ('A' + hash % 26));
                hash /= 26;
            }
            return tag.append('+').toString();
        }

        /** A ToUnicode CMap from each drawn character's glyph (the CID, with Identity-H) to that character. */
        byte[] toUnicode() {
            Map<Integer, Integer> cids = new HashMap<>();
            drawn.forEach(cp -> cids.put(cmap.getGlyphId(cp), cp));
            return ToUnicode.cmap(cids);
        }

        void close() {
            try {
                ttf.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
