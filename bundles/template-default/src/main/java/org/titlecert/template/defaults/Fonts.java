package org.titlecert.template.defaults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.titlecert.template.TemplateException;

/**
 * One renderer's fonts: parsed once, then embedded as subsets into each document. Text is split into runs,
 * each drawn with the first font of the chain that has all its characters; a character no font has is a
 * {@link TemplateException}, never a box.
 * <p>
 * PDFBox writes a ToUnicode map that sends glyphs shared by an ideograph and a Kangxi radical (女 and ⼥)
 * to the radical, so that copied or extracted text is wrong; {@link #fixToUnicode()} replaces it with the
 * characters that were actually drawn. That costs a second save, so it is done only when a drawn glyph has
 * another character first (most certificates draw only with the common-character subsets, whose glyphs each
 * have one).
 */
final class Fonts implements AutoCloseable {

    /** A stretch of text drawn with one font. */
    record Run(PDType0Font font, String text) {
    }

    private final Face regular;
    private final Face commonRegular;
    private final Face commonBold;
    private final Face fallback;
    private final List<Face> all;
    private final List<Face> regularChain;
    private final List<Face> boldChain;
    private PDDocument document;

    Fonts(DefaultTemplate.FontFiles files) {
        this.regular = new Face(files.regular());
        this.commonRegular = new Face(files.commonRegular());
        this.commonBold = new Face(files.commonBold());
        this.fallback = new Face(files.fallback());
        this.all = List.of(commonRegular, commonBold, regular, fallback);
        this.regularChain = List.of(commonRegular, regular, fallback);
        this.boldChain = List.of(commonBold, commonRegular, regular, fallback);
    }

    /** Starts a document: fonts are embedded into it as they are first used. */
    void use(PDDocument doc) {
        this.document = doc;
        for (Face f : all) {
            f.embedded = null;
            f.drawn.clear();
        }
    }

    /** Whether PDFBox's ToUnicode would send a drawn glyph to another character than the one drawn. */
    boolean toUnicodeNeedsFixing() {
        for (Face f : all) {
            if (f.embedded != null && f.drawn.entrySet().stream().anyMatch(e -> {
                List<Integer> codes = f.cmap.getCharCodes(e.getKey());
                return codes == null || codes.isEmpty() || !codes.get(0).equals(e.getValue());
            })) {
                return true;
            }
        }
        return false;
    }

    /** After the fonts are subset (the document's first save): ToUnicode maps of what was drawn. */
    void fixToUnicode() throws IOException {
        for (Face f : all) {
            if (f.embedded != null) {
                PDStream cmap = new PDStream(document, new ByteArrayInputStream(f.toUnicode()), COSName.FLATE_DECODE);
                f.embedded.getCOSObject().setItem(COSName.TO_UNICODE, cmap);
            }
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
                runs.add(new Run(current.pdf(document), pending.toString()));
                pending.setLength(0);
            }
            current = face;
            face.drawn.putIfAbsent(face.cmap.getGlyphId(cp), cp);
            pending.appendCodePoint(cp);
        }
        if (pending.length() > 0) {
            runs.add(new Run(current.pdf(document), pending.toString()));
        }
        return runs;
    }

    static float width(List<Run> runs, float size) {
        try {
            float w = 0;
            for (Run r : runs) {
                w += r.font().getStringWidth(r.text()) / 1000f * size;
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        all.forEach(Face::close);
    }

    /** A parsed TrueType font and its embedding in the current document. */
    private static final class Face {
        private final TrueTypeFont ttf;
        private final CmapLookup cmap;
        /** Glyph id (the CID, with Identity-H) to the character drawn with it, in the current document. */
        private final Map<Integer, Integer> drawn = new TreeMap<>();
        private PDType0Font embedded;

        Face(byte[] data) {
            try {
                ttf = new TTFParser().parse(new RandomAccessReadBuffer(data));
                // certificate text needs no ligatures or contextual forms, and GSUB cost a sixth of a render
                ttf.setEnableGsub(false);
                cmap = ttf.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse a certificate font", e);
            }
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        PDType0Font pdf(PDDocument doc) {
            if (embedded == null) {
                try {
                    embedded = PDType0Font.load(doc, ttf, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return embedded;
        }

        byte[] toUnicode() {
            StringBuilder sb = new StringBuilder(256 + drawn.size() * 24)
                    .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                    .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                    .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                    .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
            List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(drawn.entrySet());
            for (int i = 0; i < entries.size(); i += 100) {
                List<Map.Entry<Integer, Integer>> chunk = entries.subList(i, Math.min(i + 100, entries.size()));
                sb.append(chunk.size()).append(" beginbfchar\n");
                for (Map.Entry<Integer, Integer> e : chunk) {
                    hex4(sb.append('<'), e.getKey()).append("> <");
                    for (char ch : Character.toChars(e.getValue())) {
                        hex4(sb, ch);
                    }
                    sb.append(">\n");
                }
                sb.append("endbfchar\n");
            }
            sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            return sb.toString().getBytes(StandardCharsets.US_ASCII);
        }

        private static StringBuilder hex4(StringBuilder sb, int value) {
            for (int shift = 12; shift >= 0; shift -= 4) {
                sb.append(Character.toUpperCase(Character.forDigit((value >> shift) & 0xF, 16)));
            }
            return sb;
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
