package org.titlecert.template.page;

import java.awt.Color;
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
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.titlecert.font.ToUnicode;
import org.titlecert.template.TemplateException;

/**
 * One renderer's fonts, parsed once, and the text of the document being drawn. Text is split into runs, each drawn
 * with the first font of the chain that has all its characters; a character no font has is a
 * {@link TemplateException}, never a box. Text is measured from the parsed fonts and recorded while the page is laid
 * out; each format then writes it with its fonts subset to exactly the characters drawn.
 */
public final class Fonts implements AutoCloseable {

    /** A stretch of text drawn with one font. */
    public record Run(Face face, String text) {
    }

    /** Text laid out on the page: its baseline starts at (x, y), {@code spacing} points between characters. */
    public record Text(List<Run> runs, float size, Color colour, float x, float y, float spacing) {
    }

    private final Face regular;
    private final Face commonRegular;
    private final Face commonBold;
    private final Face fallback;
    private final List<Face> all;
    private final List<Face> regularChain;
    private final List<Face> boldChain;
    private final List<Text> texts = new ArrayList<>();

    public Fonts(FontFiles files) {
        this.regular = new Face(files.regular());
        this.commonRegular = new Face(files.commonRegular());
        this.commonBold = new Face(files.commonBold());
        this.fallback = new Face(files.fallback());
        this.all = List.of(commonRegular, commonBold, regular, fallback);
        this.regularChain = List.of(commonRegular, regular, fallback);
        this.boldChain = List.of(commonBold, commonRegular, regular, fallback);
    }

    /** Starts a document. */
    public void use() {
        texts.clear();
        for (Face f : all) {
            f.drawn.clear();
        }
    }

    public List<Run> runs(String text, boolean heavy) throws TemplateException {
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
    public static float width(List<Run> runs, float size) {
        float w = 0;
        for (Run r : runs) {
            w += r.face().width(r.text()) / 1000f * size;
        }
        return w;
    }

    /** Lays out text at (x, y), {@code spacing} points between characters; the format writes it at the end. */
    public void text(List<Run> runs, float size, Color colour, float x, float y, float spacing) {
        for (Run r : runs) {
            r.text().codePoints().forEach(r.face().drawn::add);
        }
        texts.add(new Text(runs, size, colour, x, y, spacing));
    }

    /** The text laid out in this document, in drawing order. */
    public List<Text> texts() {
        return texts;
    }

    /** The fonts this document draws with. */
    public List<Face> used() {
        return all.stream().filter(f -> !f.drawn.isEmpty()).toList();
    }

    @Override
    public void close() {
        all.forEach(Face::close);
    }

    /** A parsed TrueType font, and the characters the current document draws with it. */
    public static final class Face {
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

        private final byte[] data;

        Face(byte[] data) {
            this.data = data;
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

        public boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        /** In thousandths of the font size, each glyph's advance rounded as PDF widths are. */
        public float width(String text) {
            float w = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                w += Math.round(metrics.getAdvanceWidth(cmap.getGlyphId(cp)) * scale);
            }
            return w;
        }

        /** Whether the document draws a character beyond the Basic Multilingual Plane, which a subset cannot map. */
        public boolean beyondBmp() {
            return !drawn.isEmpty() && drawn.last() > 0xFFFF;
        }

        /** The parsed font, for formats that embed it whole and subset it themselves. */
        public TrueTypeFont trueType() {
            return ttf;
        }

        /** The font file as it was read. */
        public byte[] data() {
            return data;
        }

        /**
         * The drawn characters as a font of their own (Basic Multilingual Plane only: see {@link #beyondBmp}), with
         * the subset tag in its name.
         */
        public byte[] subset() throws IOException {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
            subsetter.setPrefix(tag(drawn));
            subsetter.addAll(drawn);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            subsetter.writeToStream(out);
            return out.toByteArray();
        }

        /** The characters the document draws with this font, in code point order. */
        public java.util.SortedSet<Integer> drawn() {
            return java.util.Collections.unmodifiableSortedSet(drawn);
        }

        /** The subset's name tag: six capital letters, the same for the same characters. */
        public String tag() {
            return tag(drawn);
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
        public byte[] toUnicode() {
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
