package org.titlecert.photo.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.titlecert.api.TitleCertException;
import org.titlecert.photo.PhotoEdit;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

/**
 * Turns an uploaded image into the certificate photo: an sRGB JPEG of the template's size without
 * any metadata. The type is told by content; the size is read from the header before anything is
 * decoded; only the cropped region is decoded, subsampled, so memory stays small whatever the file claims.
 */
final class PhotoNormalizer {

    /** What uploads may be. */
    record Limits(long maxBytes, long maxPixels, int minShortSide, int minLongSide) {
    }

    /** The normalised JPEG. */
    record Result(byte[] jpeg, int width, int height) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final double ASPECT_TOLERANCE = 0.03;

    private final Limits limits;
    private final int width;
    private final int height;
    private final float quality;

    PhotoNormalizer(Limits limits, int width, int height, float quality) {
        this.limits = limits;
        this.width = width;
        this.height = height;
        this.quality = quality;
    }

    Result normalize(byte[] data, PhotoEdit edit) {
        if (data == null || data.length == 0) {
            throw TitleCertException.invalid("PHOTO_EMPTY", "照片文件为空");
        }
        if (data.length > limits.maxBytes()) {
            throw TitleCertException.tooLarge("PHOTO_TOO_LARGE",
                    "照片文件超过 " + limits.maxBytes() / (1024 * 1024) + " MB 的大小限制");
        }
        boolean jpeg = isJpeg(data);
        if (!jpeg && !isPng(data)) {
            throw TitleCertException.unsupported("PHOTO_TYPE", "仅支持 JPEG 或 PNG 格式的照片");
        }
        if (jpeg && !hasEndOfImage(data)) {
            throw corrupt();
        }
        int rotate = edit == null ? 0 : edit.rotate();
        if (rotate % 90 != 0 || Math.abs(rotate) > 3600) {
            throw TitleCertException.invalid("INVALID_ROTATION", "旋转角度应为 90 度的整数倍");
        }
        ImageReader reader = reader(jpeg);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            checkDimensions(w, h);
            Orientation o = Orientation.of(jpeg ? Exif.orientation(data) : 1, rotate);
            int tw = o.swapsAxes() ? h : w;
            int th = o.swapsAxes() ? w : h;
            Rectangle crop = crop(edit, tw, th);
            Rectangle visible = crop.intersection(new Rectangle(0, 0, tw, th));
            if (visible.isEmpty()) {
                throw TitleCertException.invalid("INVALID_CROP", "裁剪区域不在照片范围内");
            }
            Rectangle stored = o.toStored(visible, w, h).intersection(new Rectangle(0, 0, w, h));
            double scale = Math.min((double) width / crop.width, (double) height / crop.height);
            int sub = Math.max(1, (int) Math.floor(1 / (scale * 2)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(stored);
            param.setSourceSubsampling(sub, sub, 0, 0);
            BufferedImage region = toRgb(reader.read(0, param));
            if (warnings.stream().anyMatch(x -> x.toLowerCase().contains("premature end"))) {
                throw corrupt();
            }
            return new Result(encode(compose(region, o, stored, sub, crop, visible)), width, height);
        } catch (IIOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw corrupt();
        } catch (IOException e) {
            throw corrupt();
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int w, int h) {
        if ((long) w * h > limits.maxPixels()) {
            throw TitleCertException.invalid("PHOTO_DIMENSIONS", String.format(
                    "照片像素过多（%d×%d），请上传不超过 %d 万像素的照片", w, h, limits.maxPixels() / 10_000));
        }
        if (Math.min(w, h) < limits.minShortSide() || Math.max(w, h) < limits.minLongSide()) {
            throw TitleCertException.invalid("PHOTO_TOO_SMALL", String.format(
                    "照片分辨率过低（%d×%d），至少需要 %d×%d 像素才能清晰打印", w, h, limits.minShortSide(),
                    limits.minLongSide()));
        }
    }

    /** The requested crop, or the largest centred one of the photo's aspect ratio. */
    private Rectangle crop(PhotoEdit edit, int tw, int th) {
        double aspect = (double) width / height;
        if (edit == null || !edit.hasCrop()) {
            int cw = Math.min(tw, (int) Math.round(th * aspect));
            int ch = Math.min(th, (int) Math.round(cw / aspect));
            return new Rectangle((tw - cw) / 2, (th - ch) / 2, cw, ch);
        }
        if (edit.width() < width / 3 || edit.height() < height / 3) {
            throw TitleCertException.invalid("CROP_TOO_SMALL", "裁剪区域太小，照片打印会模糊，请放大裁剪框");
        }
        double actual = (double) edit.width() / edit.height();
        if (Math.abs(actual - aspect) / aspect > ASPECT_TOLERANCE) {
            throw TitleCertException.invalid("INVALID_CROP", String.format(
                    "裁剪区域的宽高比应为 %d:%d", width, height));
        }
        return new Rectangle(edit.x(), edit.y(), edit.width(), edit.height());
    }

    /**
     * Turns the decoded region upright and draws it where it belongs in the output; parts of the crop
     * outside the photo (zoomed out in the cropper) stay white, like an ID photo's background.
     */
    private BufferedImage compose(BufferedImage region, Orientation o, Rectangle stored, int sub, Rectangle crop,
                                  Rectangle visible) {
        AffineTransform turn = o.transform(stored.width, stored.height);
        turn.scale(sub, sub);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double sx = (double) width / crop.width;
            double sy = (double) height / crop.height;
            AffineTransform place = new AffineTransform();
            place.scale(sx, sy);
            place.translate(visible.x - crop.x, visible.y - crop.y);
            place.concatenate(turn);
            BufferedImage src = halve(region, Math.abs(place.getScaleX()) + Math.abs(place.getShearX()));
            double shrunk = (double) region.getWidth() / src.getWidth();
            place.scale(shrunk, shrunk);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, place, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Halves the image while the scale still to apply is under one half, for a smooth downscale. */
    private static BufferedImage halve(BufferedImage img, double scale) {
        BufferedImage cur = img;
        double s = scale;
        while (s < 0.5 && cur.getWidth() > 2 && cur.getHeight() > 2) {
            BufferedImage half = new BufferedImage(cur.getWidth() / 2, cur.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, half.getWidth(), half.getHeight(), null);
            g.dispose();
            cur = half;
            s *= 2;
        }
        return cur;
    }

    /** Any colour model (CMYK already converted, grey, 16-bit, alpha, an ICC profile) to sRGB on white. */
    static BufferedImage toRgb(BufferedImage img) {
        BufferedImage src = img;
        ColorSpace cs = img.getColorModel().getColorSpace();
        if (!cs.isCS_sRGB() && cs.getType() != ColorSpace.TYPE_GRAY && !img.getColorModel().hasAlpha()) {
            src = new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(img, null);
        }
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private byte[] encode(BufferedImage img) throws IOException {
        ImageWriter writer = first(ImageIO.getImageWritersByFormatName("jpeg"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG.length) {
            return false;
        }
        for (int i = 0; i < PNG.length; i++) {
            if (b[i] != PNG[i]) {
                return false;
            }
        }
        return true;
    }

    /** A whole JPEG has an end-of-image marker; a cut-off upload does not. Data after it is ignored. */
    private static boolean hasEndOfImage(byte[] b) {
        for (int i = b.length - 2; i > 2; i--) {
            if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xd9) {
                return true;
            }
        }
        return false;
    }

    /**
     * TwelveMonkeys' JPEG reader, which handles CMYK, YCCK and ICC profiles and decodes through the JDK's.
     * It finds that delegate when registered; a private registry keeps it out of the global ImageIO one,
     * so nothing of this bundle stays behind there when it is uninstalled.
     */
    private static final ImageReaderSpi JPEG = jpegProvider();

    private static ImageReaderSpi jpegProvider() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        Iterator<ImageReaderSpi> jdk = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                p -> ((ImageReaderSpi) p).getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"),
                false);
        registry.registerServiceProvider(first(jdk));
        JPEGImageReaderSpi twelveMonkeys = new JPEGImageReaderSpi();
        registry.registerServiceProvider(twelveMonkeys);
        return twelveMonkeys;
    }

    /** JPEG through TwelveMonkeys; PNG through the JDK. */
    private static ImageReader reader(boolean jpeg) {
        try {
            return jpeg ? JPEG.createReaderInstance(null) : first(ImageIO.getImageReadersByFormatName("png"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T first(Iterator<T> it) {
        if (!it.hasNext()) {
            throw new IllegalStateException("no ImageIO plugin");
        }
        return it.next();
    }

    private static TitleCertException corrupt() {
        return TitleCertException.invalid("PHOTO_CORRUPT", "照片文件已损坏或不完整，请重新选择照片");
    }
}
