package org.titlecert.seal.pkcs12;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.titlecert.template.Area;

/**
 * The visible part of a seal: a one-page template document whose signature widget shows the seal image,
 * which PDFBox merges into the certificate when it adds the signature. The image is compressed once, at
 * most 500 pixels across (42 mm at 300 dpi), and its colour and transparency streams are reused for every
 * certificate: compressing it anew took four fifths of a seal's time. The template itself is made once per place.
 */
final class VisibleSeal {

    private static final int MAX_PIXELS = 500;

    private final int width;
    private final int height;
    private final byte[] colour;
    private final byte[] alpha;

    VisibleSeal(BufferedImage image) {
        double scale = Math.min(1.0, (double) MAX_PIXELS / Math.max(image.getWidth(), image.getHeight()));
        this.width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        this.height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        byte[] rgb = new byte[width * height * 3];
        byte[] a = new byte[width * height];
        int[] argb = scaled.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            rgb[i * 3] = (byte) (argb[i] >> 16);
            rgb[i * 3 + 1] = (byte) (argb[i] >> 8);
            rgb[i * 3 + 2] = (byte) argb[i];
            a[i] = (byte) (argb[i] >>> 24);
        }
        this.colour = deflate(rgb);
        this.alpha = deflate(a);
    }

    private static byte[] deflate(byte[] data) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private PDImageXObject image(PDDocument doc) throws IOException {
        PDImageXObject img = new PDImageXObject(doc, new ByteArrayInputStream(colour), COSName.FLATE_DECODE, width,
                height, 8, PDDeviceRGB.INSTANCE);
        PDImageXObject mask = new PDImageXObject(doc, new ByteArrayInputStream(alpha), COSName.FLATE_DECODE, width,
                height, 8, PDDeviceGray.INSTANCE);
        img.getCOSObject().setItem(COSName.SMASK, mask);
        return img;
    }

    /** Where a template puts the seal: a page size and a place on it. */
    private record Place(float pageWidth, float pageHeight, Area area) {
    }

    /** The templates made so far; certificates of one layout all take the same one (a few places in all). */
    private final Map<Place, byte[]> templates = new ConcurrentHashMap<>();

    /** The template for a seal at {@code area} on a page of this size. */
    InputStream template(PDRectangle mediaBox, Area area) throws IOException {
        Place place = new Place(mediaBox.getWidth(), mediaBox.getHeight(), area);
        byte[] template = templates.get(place);
        if (template == null) {
            template = make(mediaBox, area);
            if (templates.size() < 64) {
                templates.put(place, template);
            }
        }
        return new ByteArrayInputStream(template);
    }

    private byte[] make(PDRectangle mediaBox, Area area) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(mediaBox);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            PDRectangle rect = new PDRectangle(area.x(), area.y(), area.width(), area.height());
            widget.setRectangle(rect);
            widget.setPrinted(true);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject appearance = new PDFormXObject(new PDStream(doc));
            appearance.setResources(new PDResources());
            appearance.setFormType(1);
            appearance.setBBox(new PDRectangle(area.width(), area.height()));
            PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
            dictionary.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(appearance.getCOSObject());
            dictionary.setNormalAppearance(stream);
            widget.setAppearance(dictionary);
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                cs.drawImage(image(doc), 0, 0, area.width(), area.height());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
