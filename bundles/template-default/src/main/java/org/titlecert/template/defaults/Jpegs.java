package org.titlecert.template.defaults;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Embeds a JPEG as it is (DCTDecode). The size and components are read from its frame header, which is
 * much cheaper than {@link JPEGFactory} (an ImageIO reader, a temporary file and an XPath query per image);
 * what the header does not settle simply (CMYK, Adobe transforms, 12-bit samples) is left to JPEGFactory.
 */
final class Jpegs {

    private Jpegs() {
    }

    static PDImageXObject image(PDDocument doc, byte[] jpeg) throws IOException {
        int[] frame = frame(jpeg);
        if (frame != null && frame[0] == 8 && (frame[3] == 1 || frame[3] == 3)) {
            PDColorSpace space = frame[3] == 1 ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE;
            return new PDImageXObject(doc, new ByteArrayInputStream(jpeg), COSName.DCT_DECODE, frame[2], frame[1], 8,
                    space);
        }
        return JPEGFactory.createFromByteArray(doc, jpeg);
    }

    /**
     * {precision, height, width, components} from the first SOF segment, or null if the data is not a JPEG
     * this class can vouch for (no SOF, a zero size, or an APP14 Adobe segment, whose colour transform
     * JPEGFactory handles).
     */
    static int[] frame(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return null;
        }
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > b.length) {
                return null;
            }
            if (marker == 0xEE) {
                return null;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (length < 8) {
                    return null;
                }
                int precision = b[i + 4] & 0xFF;
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                int components = b[i + 9] & 0xFF;
                return height > 0 && width > 0 ? new int[] {precision, height, width, components} : null;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }
}
