package org.titlecert.seal.pkcs12;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.titlecert.template.Area;

/**
 * The visible part of a seal: a one-page template document whose signature widget shows the seal image,
 * which PDFBox merges into the certificate when it adds the signature.
 */
final class VisibleSeal {

    private final BufferedImage image;

    VisibleSeal(BufferedImage image) {
        this.image = image;
    }

    /** The template for a seal at {@code area} on a page of this size. */
    InputStream template(PDRectangle mediaBox, Area area) throws IOException {
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
                cs.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, area.width(), area.height());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }
}
