package org.titlecert.font.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A build step of the fonts bundle, not part of it: writes the subsets of Noto Sans SC's regular and bold faces
 * that hold the common characters (GB 2312, ASCII, punctuation), {@code CjkFont.SANS_REGULAR_COMMON} and
 * {@code SANS_BOLD_COMMON}. Made here once rather than at every start of the platform (FontBox's subsetter took
 * a fifth of the processor samples of a start with the JIT's first tier only, as the integration tests run it).
 *
 * <p>Argument: the folder that holds the fonts and gets the subsets.
 */
public final class CommonSubsets {

    private CommonSubsets() {
    }

    public static void main(String[] args) throws IOException {
        Path fonts = Path.of(args[0]);
        Set<Integer> common = commonCharacters();
        subset(fonts.resolve("NotoSansSC-Regular.ttf"), common, fonts.resolve("NotoSansSC-Regular-common.ttf"));
        subset(fonts.resolve("NotoSansSC-Bold.ttf"), common, fonts.resolve("NotoSansSC-Bold-common.ttf"));
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

    private static void subset(Path font, Set<Integer> codePoints, Path out) throws IOException {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()));
             OutputStream o = Files.newOutputStream(out)) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf);
            subsetter.addAll(codePoints);
            subsetter.writeToStream(o);
        }
    }
}
