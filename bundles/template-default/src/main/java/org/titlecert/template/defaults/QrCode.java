package org.titlecert.template.defaults;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.titlecert.template.Area;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/** A QR code drawn as vector squares, on a white field that keeps the 4-module quiet zone clear. */
final class QrCode {

    static final int QUIET_ZONE = 4;

    /**
     * One mask, the checkerboard, instead of ZXing scoring all eight for each code: the scoring was a quarter of a
     * render. Every mask is valid QR; 600 random verification URLs rendered with this one all scanned
     * (DefaultRendererTest keeps 120 of them as a test).
     */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.QR_MASK_PATTERN, 0);

    private QrCode() {
    }

    /** Draws the code so that it and its quiet zone fill a square of {@code size} points at (x, y). */
    static Area draw(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        ByteMatrix m;
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, HINTS);
            m = code.getMatrix();
        } catch (WriterException e) {
            throw new IOException("cannot encode the verification URL as a QR code", e);
        }
        int modules = m.getWidth() + 2 * QUIET_ZONE;
        float unit = size / modules;
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < m.getHeight(); row++) {
            float top = y + size - (QUIET_ZONE + row + 1) * unit;
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
                // a hair wider than the module, so that neighbouring squares leave no hairline gaps
                cs.addRect(x + (QUIET_ZONE + start) * unit, top, (col - start) * unit + 0.01f, unit + 0.01f);
            }
        }
        cs.fill();
        return new Area(0, x, y, size, size);
    }
}
