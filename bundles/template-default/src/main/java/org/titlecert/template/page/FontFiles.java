package org.titlecert.template.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.HashSet;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.titlecert.font.CjkFont;

/**
 * The font files as bytes, read once. Besides the full fonts, subsets of the common characters
 * (GB 2312, ASCII, punctuation): embedding a font into a PDF costs in proportion to its glyphs, so
 * names of common characters take the small fonts and only rare characters the full one.
 */
public record FontFiles(byte[] regular, byte[] commonRegular, byte[] commonBold, byte[] fallback) {

    public static FontFiles load() {
        byte[] regular = read(CjkFont.SANS_REGULAR);
        Set<Integer> common = commonCharacters();
        return new FontFiles(regular, subset(regular, common), subset(read(CjkFont.SANS_BOLD), common),
                read(CjkFont.SANS_FALLBACK));
    }

    private static byte[] read(CjkFont font) {
        try (InputStream in = font.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<Integer> commonCharacters() {
        Set<Integer> cps = new HashSet<>();
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        for (char c = 0x20; c < 0xFFFF; c++) {
            if (Character.isDefined(c) && !Character.isSurrogate(c) && (gb2312.canEncode(c) || c < 0x7F
                    || c >= 0x2000 && c <= 0x206F || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF)) {
                cps.add((int) c);
            }
        }
        return cps;
    }

    private static byte[] subset(byte[] font, Set<Integer> codePoints) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream(font.length / 3);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the common-character subset of a certificate font", e);
        }
    }
}
