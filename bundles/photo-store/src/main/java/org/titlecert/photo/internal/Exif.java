package org.titlecert.photo.internal;

/**
 * Reads the EXIF orientation (1-8) of a JPEG from its APP1 segment; 1 when absent or unreadable.
 * Bounded: it looks only at markers before the image data and at most 500 directory entries.
 */
final class Exif {

    private Exif() {
    }

    static int orientation(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xff) != 0xff) {
                return 1;
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                return 1;
            }
            int length = u16(jpeg, i + 2, false);
            if (length < 2 || i + 2 + length > jpeg.length) {
                return 1;
            }
            if (marker == 0xe1 && length >= 16 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
                    && jpeg[i + 7] == 'f' && jpeg[i + 8] == 0 && jpeg[i + 9] == 0) {
                return fromTiff(jpeg, i + 10, i + 2 + length);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 1;
        }
        int p = (int) (start + ifd);
        int count = Math.min(u16(b, p, little), 500);
        for (int e = 0; e < count; e++) {
            int entry = p + 2 + e * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int a = b[i] & 0xff;
        int c = b[i + 1] & 0xff;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long v = 0;
        for (int k = 0; k < 4; k++) {
            int byteIndex = little ? i + 3 - k : i + k;
            v = v << 8 | (b[byteIndex] & 0xff);
        }
        return v;
    }
}
