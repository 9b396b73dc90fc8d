package org.titlecert.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.titlecert.api.TitleCertException;
import org.titlecert.photo.PhotoEdit;

/** Runs in a 256 MB heap (see the pom), so that a decompression bomb that got decoded would fail the build. */
class PhotoNormalizerTest {

    private final PhotoNormalizer normalizer = new PhotoNormalizer(
            new PhotoNormalizer.Limits(10L * 1024 * 1024, 40_000_000L, 200, 280), 413, 579, 0.9f);

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static Color at(BufferedImage img, double fx, double fy) {
        return new Color(img.getRGB((int) (fx * (img.getWidth() - 1)), (int) (fy * (img.getHeight() - 1))));
    }

    private static void assertCode(Runnable r, String code, TitleCertException.Kind kind) {
        assertThatThrownBy(r::run).isInstanceOf(TitleCertException.class).satisfies(e -> {
            assertThat(((TitleCertException) e).code()).isEqualTo(code);
            assertThat(((TitleCertException) e).kind()).isEqualTo(kind);
            assertThat(e.getMessage()).matches(".*[\\u4e00-\\u9fa5].*");
        });
    }

    @Test
    void producesATemplateSizedSrgbJpegWithoutMetadata() throws IOException {
        byte[] in = Images.withExifOrientation(Images.jpeg(Images.halves(1200, 1600, Color.RED, Color.BLUE)), 1);
        PhotoNormalizer.Result r = normalizer.normalize(in, PhotoEdit.NONE);
        BufferedImage out = read(r.jpeg());
        assertThat(out.getWidth()).isEqualTo(413);
        assertThat(out.getHeight()).isEqualTo(579);
        assertThat(out.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
        String raw = new String(r.jpeg(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif").doesNotContain("MM\0*");
        assertThat(at(out, 0.1, 0.5).getRed()).isGreaterThan(200);
        assertThat(at(out, 0.9, 0.5).getBlue()).isGreaterThan(200);
    }

    @Test
    void respectsExifOrientation() throws IOException {
        byte[] landscape = Images.jpeg(Images.halves(1600, 1200, Color.RED, Color.BLUE));
        BufferedImage upright = read(normalizer.normalize(Images.withExifOrientation(landscape, 6), PhotoEdit.NONE).jpeg());
        assertThat(at(upright, 0.5, 0.1).getRed()).as("left side turned to the top").isGreaterThan(200);
        assertThat(at(upright, 0.5, 0.9).getBlue()).isGreaterThan(200);
        BufferedImage turned = read(normalizer.normalize(Images.withExifOrientation(landscape, 8), PhotoEdit.NONE).jpeg());
        assertThat(at(turned, 0.5, 0.1).getBlue()).isGreaterThan(200);
    }

    @Test
    void appliesRotationThenCropExactlyAsTheCropperReportsThem() throws IOException {
        byte[] landscape = Images.jpeg(Images.halves(1600, 1200, Color.RED, Color.BLUE));
        BufferedImage rotated = read(normalizer.normalize(landscape, new PhotoEdit(null, null, null, null, 90)).jpeg());
        assertThat(at(rotated, 0.5, 0.1).getRed()).isGreaterThan(200);
        BufferedImage blueOnly = read(normalizer.normalize(landscape, new PhotoEdit(900, 100, 500, 700, 0)).jpeg());
        assertThat(at(blueOnly, 0.1, 0.1).getBlue()).isGreaterThan(200);
        assertThat(at(blueOnly, 0.9, 0.9).getBlue()).isGreaterThan(200);
        BufferedImage redOnly = read(normalizer.normalize(landscape, new PhotoEdit(0, 0, 600, 840, 90)).jpeg());
        assertThat(at(redOnly, 0.5, 0.5).getRed()).isGreaterThan(200);
        assertThat(at(redOnly, 0.5, 0.5).getBlue()).isLessThan(60);
    }

    @Test
    void aCropReachingPastTheImageIsFilledWhite() throws IOException {
        byte[] img = Images.jpeg(Images.halves(600, 840, Color.RED, Color.RED));
        BufferedImage out = read(normalizer.normalize(img, new PhotoEdit(-300, 0, 600, 840, 0)).jpeg());
        assertThat(at(out, 0.1, 0.5)).satisfies(c -> assertThat(c.getRed() + c.getGreen() + c.getBlue()).isGreaterThan(740));
        assertThat(at(out, 0.9, 0.5).getRed()).isGreaterThan(200);
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() {
        byte[] bomb = Images.pngBomb(20_000, 20_000);
        assertThat(bomb.length).isLessThan(1_000_000);
        assertCode(() -> normalizer.normalize(bomb, PhotoEdit.NONE), "PHOTO_DIMENSIONS", TitleCertException.Kind.INVALID);
    }

    @Test
    void refusesAJpegWhoseFrameClaimsAHugeSize() {
        byte[] small = Images.jpeg(Images.halves(400, 560, Color.RED, Color.BLUE));
        assertCode(() -> normalizer.normalize(Images.withSofSize(small, 65500, 65500), PhotoEdit.NONE),
                "PHOTO_DIMENSIONS", TitleCertException.Kind.INVALID);
    }

    @Test
    void refusesTruncatedEmptyAndTooSmallFiles() {
        byte[] jpeg = Images.jpeg(Images.halves(800, 1120, Color.RED, Color.BLUE));
        byte[] png = Images.png(Images.halves(800, 1120, Color.RED, Color.BLUE));
        assertCode(() -> normalizer.normalize(Arrays.copyOf(jpeg, jpeg.length / 2), PhotoEdit.NONE), "PHOTO_CORRUPT",
                TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(Arrays.copyOf(png, png.length / 2), PhotoEdit.NONE), "PHOTO_CORRUPT",
                TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(Arrays.copyOf(jpeg, 40), PhotoEdit.NONE), "PHOTO_CORRUPT",
                TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(new byte[0], PhotoEdit.NONE), "PHOTO_EMPTY", TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(Images.jpeg(Images.halves(120, 160, Color.RED, Color.BLUE)), PhotoEdit.NONE),
                "PHOTO_TOO_SMALL", TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(new byte[11 * 1024 * 1024], PhotoEdit.NONE), "PHOTO_TOO_LARGE",
                TitleCertException.Kind.TOO_LARGE);
    }

    @Test
    void refusesOtherTypesWhateverTheirName() {
        for (String fake : new String[] {"<html><body><script>alert(1)</script></body></html>",
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"560\"/>",
            "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "GIF89a......"}) {
            assertCode(() -> normalizer.normalize(fake.getBytes(StandardCharsets.UTF_8), PhotoEdit.NONE), "PHOTO_TYPE",
                    TitleCertException.Kind.UNSUPPORTED);
        }
    }

    @Test
    void normalisesCmykJpegsSixteenBitPngsAndTransparency() throws IOException {
        // Adobe CMYK JPEGs store ink inverted: 100 % cyan, no magenta, yellow or black
        BufferedImage cmyk = read(normalizer.normalize(Images.cmykJpeg(500, 700, 0, 255, 255, 255), PhotoEdit.NONE).jpeg());
        Color c = at(cmyk, 0.5, 0.5);
        assertThat(c.getBlue()).as("cyan is blue-green, " + c).isGreaterThan(c.getRed() + 60);
        assertThat(c.getGreen()).as("cyan is blue-green, " + c).isGreaterThan(c.getRed() + 40);

        BufferedImage deep = read(normalizer.normalize(Images.png16(500, 700, 200, 30, 30), PhotoEdit.NONE).jpeg());
        assertThat(at(deep, 0.5, 0.5).getRed()).isBetween(185, 215);
        assertThat(at(deep, 0.5, 0.5).getGreen()).isLessThan(60);

        BufferedImage alpha = read(normalizer.normalize(Images.pngWithAlpha(500, 700), PhotoEdit.NONE).jpeg());
        Color corner = at(alpha, 0.02, 0.02);
        assertThat(corner.getRed() + corner.getGreen() + corner.getBlue()).as("transparent becomes white")
                .isGreaterThan(740);
        assertThat(at(alpha, 0.5, 0.5).getRed()).isGreaterThan(200);
    }

    @Test
    void aJpegWithATrailerIsStoredReEncodedWithoutIt() throws IOException {
        byte[] jpeg = Images.jpeg(Images.halves(500, 700, Color.RED, Color.BLUE));
        byte[] trailer = "<html><script>alert('polyglot')</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] polyglot = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, polyglot, jpeg.length, trailer.length);
        byte[] out = normalizer.normalize(polyglot, PhotoEdit.NONE).jpeg();
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).doesNotContain("script").doesNotContain("polyglot");
        assertThat(read(out).getWidth()).isEqualTo(413);
    }

    @Test
    void refusesBadCropsAndRotations() {
        byte[] jpeg = Images.jpeg(Images.halves(800, 1120, Color.RED, Color.BLUE));
        assertCode(() -> normalizer.normalize(jpeg, new PhotoEdit(0, 0, 800, 400, 0)), "INVALID_CROP",
                TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(jpeg, new PhotoEdit(0, 0, 40, 56, 0)), "CROP_TOO_SMALL",
                TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(jpeg, new PhotoEdit(5000, 5000, 400, 560, 0)), "INVALID_CROP",
                TitleCertException.Kind.INVALID);
        assertCode(() -> normalizer.normalize(jpeg, new PhotoEdit(null, null, null, null, 45)), "INVALID_ROTATION",
                TitleCertException.Kind.INVALID);
    }

    @Test
    void aTwelveMegapixelPhotoIsDecodedSubsampledNotWhole() throws IOException {
        byte[] big = Images.jpeg(Images.halves(4000, 3000, Color.RED, Color.BLUE));
        long before = usedHeap();
        BufferedImage out = read(normalizer.normalize(big, new PhotoEdit(null, null, null, null, 90)).jpeg());
        assertThat(out.getWidth()).isEqualTo(413);
        assertThat(usedHeap() - before).as("far less than the 48 MB a whole decode needs").isLessThan(40L << 20);
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
