package org.titlecert.font;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PDF ToUnicode CMap from glyph codes (CIDs under Identity-H) to the characters drawn with them. A CJK font
 * shares glyphs between an ideograph and its Kangxi radical (女 and ⼥); the map a PDF writer derives from the whole
 * font may name the radical, so that copied or extracted text is wrong. This one names what was drawn.
 */
public final class ToUnicode {

    private ToUnicode() {
    }

    /** The CMap, for {@code cids}: each glyph code and the code point drawn with it. */
    public static byte[] cmap(Map<Integer, Integer> cids) {
        StringBuilder sb = new StringBuilder(256 + cids.size() * 24)
                .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(new TreeMap<>(cids).entrySet());
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
}
