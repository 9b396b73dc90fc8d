package org.titlecert.font;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * A QR code drawn into a PDF as vector squares, on a white field that keeps the 4-module quiet zone clear: the
 * certificate's verification link, a report's.
 */
public final class QrCode {

    public static final int QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");

    /**
     * Pixels per module of the image a code is test-read from. (Codes read at 3 only were seen to fail at every larger
     * size; of 3,000 random URLs, every code that read at 4 and 6 read at 2 to 10; of 30,000 more, every code that
     * read at 4 also read at 6, so reading at 6 as well, two fifths of the check's time, caught nothing.)
     */
    private static final int CHECK_SCALE = 4;

    private QrCode() {
    }

    /** Where a dark rectangle goes: its lower left corner and size, in points, y up. */
    @FunctionalInterface
    public interface Squares {
        void add(float x, float y, float width, float height) throws IOException;
    }

    /** Draws the code so that it and its quiet zone fill a square of {@code size} points at (x, y). */
    public static void draw(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        squares(text, x, y, size, cs::addRect);
        cs.fill();
    }

    /**
     * The code's dark modules as rectangles, a run of neighbouring modules of a row in one, placed so that the code and
     * its quiet zone fill a square of {@code size} points at (x, y): what a format draws in black on white.
     */
    public static void squares(String text, float x, float y, float size, Squares out) throws IOException {
        ByteMatrix m;
        try {
            m = encode(text);
        } catch (WriterException e) {
            throw new IOException("cannot encode the link as a QR code", e);
        }
        float unit = size / (m.getWidth() + 2 * QUIET_ZONE);
        for (int row = 0; row < m.getHeight(); row++) {
            float bottom = y + size - (QUIET_ZONE + row + 1) * unit;
            int col = 0;
            while (col < m.getWidth()) {
                if (m.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row) == 1) {
                    col++;
                }
                // a hair larger than the modules, so that neighbouring squares leave no hairline gaps
                out.add(x + (QUIET_ZONE + start) * unit, bottom, (col - start) * unit + 0.01f, unit + 0.01f);
            }
        }
    }

    /**
     * The code's modules, with the mask the standard's penalty scoring chooses (ISO/IEC 18004 7.8.3), provided that
     * a scanner reads the code back. A valid code can still defeat a detector: about one URL in 600 gave a code
     * that ZXing's detector misread even as a perfect image (a false finder or alignment pattern in the data), and
     * on the rendered page at every resolution. Such a code is drawn with the next mask that reads.
     */
    public static ByteMatrix encode(String text) throws WriterException {
        QRCode chosen = Encoder.encode(text, ErrorCorrectionLevel.M, HINTS);
        if (reads(chosen.getMatrix(), text)) {
            return chosen.getMatrix();
        }
        for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
            if (mask != chosen.getMaskPattern()) {
                ByteMatrix m = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET,
                        "UTF-8", EncodeHintType.QR_MASK_PATTERN, mask)).getMatrix();
                if (reads(m, text)) {
                    return m;
                }
            }
        }
        return chosen.getMatrix(); // still a valid code; no mask read back has ever been seen
    }

    /** Whether a scanner (ZXing's detector, not told where the code is) reads the modules as the text. */
    public static boolean reads(ByteMatrix m, String text) {
        return reads(m, text, CHECK_SCALE);
    }

    private static boolean reads(ByteMatrix m, String text, int scale) {
        int side = (m.getWidth() + 2 * QUIET_ZONE) * scale;
        byte[] luminance = new byte[side * side];
        Arrays.fill(luminance, (byte) 0xFF);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row) == 1) {
                    for (int dy = 0; dy < scale; dy++) {
                        int at = ((QUIET_ZONE + row) * scale + dy) * side + (QUIET_ZONE + col) * scale;
                        Arrays.fill(luminance, at, at + scale, (byte) 0);
                    }
                }
            }
        }
        try {
            LuminanceSource image = new PlanarYUVLuminanceSource(luminance, side, side, 0, 0, side, side, false);
            return text.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image))).getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
