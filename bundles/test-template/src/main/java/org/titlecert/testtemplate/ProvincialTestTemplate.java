package org.titlecert.testtemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.osgi.service.component.annotations.Component;
import org.titlecert.font.CjkFont;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.CertificateTemplate;
import org.titlecert.template.RenderedCertificate;

/** A plain portrait certificate, ranked above the default template, to prove templates swap at run time. */
@Component(service = CertificateTemplate.class, property = {CertificateTemplate.REGION + "=*",
        CertificateTemplate.ID + "=" + ProvincialTestTemplate.ID, "service.ranking:Integer=100"})
public class ProvincialTestTemplate implements CertificateTemplate {

    static final String ID = "test-provincial";
    static final String HEADING = "职称证书（测试模板）";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String revision() {
        return "1";
    }

    @Override
    public CertificateRenderer newRenderer() {
        byte[] font;
        try (InputStream in = CjkFont.SANS_REGULAR.open()) {
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CertificateRenderer() {
            @Override
            public RenderedCertificate render(CertificateContent c) {
                try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    PDType0Font f = PDType0Font.load(doc, new java.io.ByteArrayInputStream(font), true);
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        line(cs, f, 24, HEADING, 72, 760);
                        line(cs, f, 14, "证书编号：" + c.certificateNumber(), 72, 700);
                        line(cs, f, 14, "姓名：" + c.name(), 72, 672);
                        line(cs, f, 14, "资格名称：" + c.titleName(), 72, 644);
                        cs.drawImage(JPEGFactory.createFromByteArray(doc, c.photoJpeg()), 400, 560, 99, 139);
                    }
                    doc.save(out);
                    return new RenderedCertificate(out.toByteArray(), List.of(), null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private static void line(PDPageContentStream cs, PDType0Font f, float size, String text, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }
}
