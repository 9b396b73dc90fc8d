package org.titlecert.itests;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads certificates back: their text with PDFBox, their QR code with ZXing from the rendered page. */
public final class Pdfs {

    private Pdfs() {
    }

    /** The text of every page, whitespace removed. */
    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String xmp(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage render(byte[] pdf, int dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, dpi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of the QR code on the first page, seen as a phone sees a print: the whole page rendered at 150 dpi,
     * or, as a phone held nearer, at 200 or 300. (Among 4,500 random verification URLs, ZXing read about one page
     * in 300 only nearer than 150 dpi, and, since the template draws only codes its detector reads, every page at
     * one of the three.)
     */
    public static String qr(byte[] pdf) {
        ReaderException last = null;
        // as a phone's scanner does: a quick look first, then a harder one (ZXing's TRY_HARDER) at each resolution
        for (java.util.Map<com.google.zxing.DecodeHintType, ?> hints : java.util.List.of(
                java.util.Map.<com.google.zxing.DecodeHintType, Object>of(),
                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
            for (int dpi : new int[] {150, 200, 300}) {
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(render(pdf, dpi)))), hints).getText();
                } catch (NotFoundException | ChecksumException | FormatException e) {
                    last = e;
                }
            }
        }
        throw new AssertionError("no readable QR code on the page at 150, 200 or 300 dpi", last);
    }

    /** Saves the PDF and a rendering of its first page with the screenshots, to look at. */
    public static void save(byte[] pdf, String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("titlecert.screenshots", "target")));
            Files.write(dir.resolve(name + ".pdf"), pdf);
            ImageIO.write(render(pdf, 100), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
