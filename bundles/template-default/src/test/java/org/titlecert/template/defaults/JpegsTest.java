package org.titlecert.template.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

class JpegsTest {

    @Test
    void readsTheFrameOfBaselineAndProgressiveColourAndGreyJpegs() throws IOException {
        assertThat(Jpegs.frame(jpeg(BufferedImage.TYPE_INT_RGB, 413, 579, false))).containsExactly(8, 579, 413, 3);
        assertThat(Jpegs.frame(jpeg(BufferedImage.TYPE_INT_RGB, 300, 200, true))).containsExactly(8, 200, 300, 3);
        assertThat(Jpegs.frame(jpeg(BufferedImage.TYPE_BYTE_GRAY, 64, 80, false))).containsExactly(8, 80, 64, 1);
    }

    @Test
    void leavesWhatItCannotVouchForToJpegFactory() throws IOException {
        byte[] good = jpeg(BufferedImage.TYPE_INT_RGB, 40, 40, false);
        assertThat(Jpegs.frame(new byte[0])).isNull();
        assertThat(Jpegs.frame("not a jpeg at all".getBytes())).isNull();
        assertThat(Jpegs.frame(Arrays.copyOf(good, 30))).as("truncated before the frame").isNull();
        // an Adobe APP14 segment (as CMYK and YCCK files carry) right after SOI
        byte[] adobe = new byte[good.length + 16];
        adobe[0] = (byte) 0xFF;
        adobe[1] = (byte) 0xD8;
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2};
        System.arraycopy(app14, 0, adobe, 2, 16);
        System.arraycopy(good, 2, adobe, 18, good.length - 2);
        assertThat(Jpegs.frame(adobe)).isNull();
    }

    @Test
    void theEmbeddedPhotoIsTheJpegAsItIsAndDrawsInItsColours() throws IOException {
        byte[] rgb = jpeg(BufferedImage.TYPE_INT_RGB, 120, 160, false);
        byte[] grey = jpeg(BufferedImage.TYPE_BYTE_GRAY, 120, 160, false);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(240, 160));
            doc.addPage(page);
            PDImageXObject a = Jpegs.image(doc, rgb);
            PDImageXObject b = Jpegs.image(doc, grey);
            assertThat(a.getColorSpace()).isEqualTo(PDDeviceRGB.INSTANCE);
            assertThat(b.getColorSpace()).isEqualTo(PDDeviceGray.INSTANCE);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(a, 0, 0, 120, 160);
                cs.drawImage(b, 120, 0, 120, 160);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                PDImageXObject image = (PDImageXObject) resources.getXObject(name);
                assertThat(image.getWidth()).isEqualTo(120);
                assertThat(image.getHeight()).isEqualTo(160);
                assertThat(image.getStream().getFilters()).containsExactly(COSName.DCT_DECODE);
                byte[] raw = image.getStream().createInputStream(java.util.List.of(COSName.DCT_DECODE.getName()))
                        .readAllBytes();
                assertThat(raw).as("the file's own bytes, not re-encoded").isIn(rgb, grey);
            }
            BufferedImage page = new PDFRenderer(doc).renderImage(0, 1f);
            assertClose(new Color(page.getRGB(20, 20)), new Color(0x3A, 0x6E, 0xA5));
            Color greyBlue = new Color(page.getRGB(140, 20));
            assertThat(Math.abs(greyBlue.getRed() - greyBlue.getBlue())).as("drawn grey").isLessThan(4);
            assertThat(greyBlue.getRed()).isBetween(90, 120);
        }
    }

    private static void assertClose(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).isLessThan(8);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).isLessThan(8);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).isLessThan(8);
    }

    private static byte[] jpeg(int type, int w, int h, boolean progressive) throws IOException {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3A, 0x6E, 0xA5));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
