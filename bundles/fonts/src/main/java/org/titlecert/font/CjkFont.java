package org.titlecert.font;

import java.io.IOException;
import java.io.InputStream;

/** A CJK TrueType font shipped in this bundle under the SIL Open Font License (fonts/OFL.txt). */
public enum CjkFont {

    SANS_REGULAR("NotoSansSC-Regular.ttf"),
    SANS_BOLD("NotoSansSC-Bold.ttf"),
    /**
     * The subset of {@link #SANS_REGULAR} with the common characters (GB 2312, ASCII, punctuation): embedding a
     * font costs in proportion to its glyphs, so text of common characters takes this one and only rare characters
     * the full font. Made when this bundle is built.
     */
    SANS_REGULAR_COMMON("NotoSansSC-Regular-common.ttf"),
    /** The same subset of {@link #SANS_BOLD}. */
    SANS_BOLD_COMMON("NotoSansSC-Bold-common.ttf"),
    /**
     * Noto Sans JP: a fallback for the CJK Extension B characters in names that Noto Sans SC lacks
     * (𠮷 U+20BB7 among them), drawn in the same sans-serif design.
     */
    SANS_FALLBACK("NotoSansJP-Regular.ttf");

    private final String file;

    CjkFont(String file) {
        this.file = file;
    }

    /** The font file; the caller closes the stream. */
    public InputStream open() throws IOException {
        InputStream in = CjkFont.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IOException("font " + file + " is not in the fonts bundle");
        }
        return in;
    }
}
