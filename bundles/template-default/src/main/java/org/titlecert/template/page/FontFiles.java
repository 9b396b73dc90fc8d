package org.titlecert.template.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.titlecert.font.CjkFont;

/**
 * The font files as bytes, read once: the full fonts, and the subsets of the common characters (GB 2312, ASCII,
 * punctuation) that the fonts bundle ships: embedding a font into a PDF costs in proportion to its glyphs, so
 * names of common characters take the small fonts and only rare characters the full one.
 */
public record FontFiles(byte[] regular, byte[] commonRegular, byte[] commonBold, byte[] fallback) {

    public static FontFiles load() {
        return new FontFiles(read(CjkFont.SANS_REGULAR), read(CjkFont.SANS_REGULAR_COMMON),
                read(CjkFont.SANS_BOLD_COMMON), read(CjkFont.SANS_FALLBACK));
    }

    private static byte[] read(CjkFont font) {
        try (InputStream in = font.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
