package org.titlecert.template.defaults;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.xmpbox.DateConverter;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.titlecert.font.QrCode;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.TemplateException;
import org.titlecert.template.page.Canvas;
import org.titlecert.template.page.CertificatePage;
import org.titlecert.template.page.FontFiles;
import org.titlecert.template.page.Fonts;
import org.titlecert.template.page.Layout;

/**
 * Writes the default certificate ({@link CertificatePage}) as a PDF: the page drawn through PDFBox, the fonts embedded
 * as subsets of the characters drawn, and the document's metadata.
 */
final class DefaultRenderer implements CertificateRenderer {

    private final CertificatePage page;
    private final Fonts fonts;
    private final PdfFonts pdfFonts;
    private final String xmp;
    private final String sentinelDate;

    DefaultRenderer(Layout layout, FontFiles files) {
        this.fonts = new Fonts(files);
        this.page = new CertificatePage(layout, fonts);
        this.pdfFonts = new PdfFonts(fonts);
        Calendar sentinel = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        sentinel.setTimeInMillis(946_684_800_000L);
        this.xmp = xmpTemplate(layout, sentinel);
        this.sentinelDate = DateConverter.toISO8601(sentinel);
    }

    @Override
    public RenderedCertificate render(CertificateContent c) throws TemplateException {
        try (PDDocument doc = new PDDocument()) {
            PDPage pdfPage = new PDPage(new PDRectangle(CertificatePage.WIDTH, CertificatePage.HEIGHT));
            doc.addPage(pdfPage);
            try (PDPageContentStream cs = new PDPageContentStream(doc, pdfPage)) {
                page.draw(c, new PdfCanvas(doc, cs));
                pdfFonts.write(doc, cs);
            }
            metadata(doc, c);
            if (c.credential() != null) {
                attachCredential(doc, c.credential());
            }
            if (pdfFonts.subsetOnSave()) {
                doc.save(OutputStream.nullOutputStream());
                pdfFonts.toUnicodeAfterSubsetting(doc);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
            doc.save(out);
            return new RenderedCertificate(out.toByteArray(), CertificatePage.SEAL_AREAS, CertificatePage.QR_CODE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's shapes and photo, drawn straight into the content stream. */
    private record PdfCanvas(PDDocument doc, PDPageContentStream cs) implements Canvas {

        @Override
        public void fill(Color colour, float x, float y, float width, float height) throws IOException {
            cs.setNonStrokingColor(colour);
            cs.addRect(x, y, width, height);
            cs.fill();
        }

        @Override
        public void strokeRect(Color colour, float lineWidth, float x, float y, float width, float height)
                throws IOException {
            cs.setStrokingColor(colour);
            cs.setLineWidth(lineWidth);
            cs.addRect(x, y, width, height);
            cs.stroke();
        }

        @Override
        public void line(Color colour, float lineWidth, float x1, float y1, float x2, float y2) throws IOException {
            cs.setStrokingColor(colour);
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        }

        @Override
        public void photo(byte[] jpeg, float x, float y, float width, float height) throws IOException {
            cs.drawImage(Jpegs.image(doc, jpeg), x, y, width, height);
        }

        @Override
        public void qrCode(String text, float x, float y, float size) throws IOException {
            QrCode.draw(cs, text, x, y, size);
        }
    }

    /** Document information and XMP: title, the certificate number as identifier, the issuer, the 电子证照 fields. */
    private void metadata(PDDocument doc, CertificateContent c) throws IOException {
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai")));
        String title = page.layout().heading() + " " + c.certificateNumber();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(c.titleName());
        info.setAuthor(c.issuingAuthority());
        info.setKeywords("证书编号 " + c.certificateNumber());
        info.setCreator("TitleCert");
        info.setProducer("TitleCert");
        info.setCreationDate(now);
        String xml = xmp.replace(SENTINEL_NUMBER, escape(c.certificateNumber()))
                .replace(SENTINEL_AUTHORITY, escape(c.issuingAuthority() == null ? "" : c.issuingAuthority()))
                .replace(sentinelDate, DateConverter.toISO8601(now));
        if (!c.licence().isEmpty()) {
            int end = xml.lastIndexOf("</rdf:RDF>");
            xml = xml.substring(0, end) + licence(c.licence()) + xml.substring(end);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
    }

    /**
     * The certificate's Verifiable Credential as an associated file of the document (PDF 2.0 {@code AF}, relationship
     * {@code Alternative}: the same certificate, machine-readable), listed among its attachments.
     */
    private static void attachCredential(PDDocument doc, String credential) throws IOException {
        String name = CertificateContent.CREDENTIAL_FILE;
        byte[] bytes = credential.getBytes(StandardCharsets.US_ASCII);
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(bytes));
        file.setSubtype("application/vc+jwt");
        file.setSize(bytes.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setFileDescription("W3C Verifiable Credential（可验证凭证）");
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(Map.of(name, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(files);
        doc.getDocumentCatalog().setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    /** The namespace of the 电子证照 fields in XMP; each field is an element named as GB/T 36903 names it. */
    static final String LICENCE_NS = "urn:titlecert:dzzz/";

    /** The 电子证照 metadata as an XMP description of its own: simple properties, in the standard's order. */
    private static String licence(Map<String, String> fields) {
        StringBuilder x = new StringBuilder(512).append("<rdf:Description rdf:about=\"\" xmlns:dzzz=\"")
                .append(LICENCE_NS).append("\">");
        fields.forEach((k, v) -> x.append("<dzzz:").append(k).append('>').append(escape(v))
                .append("</dzzz:").append(k).append('>'));
        return x.append("</rdf:Description>").toString();
    }

    private static final String SENTINEL_NUMBER = "@@certificate-number@@";
    private static final String SENTINEL_AUTHORITY = "@@issuing-authority@@";

    /**
     * The XMP packet, serialised once by xmpbox with sentinels where each certificate's values go:
     * serialising it anew for every certificate costs a fifth of the render.
     */
    private static String xmpTemplate(Layout layout, Calendar sentinel) {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(layout.heading() + " " + SENTINEL_NUMBER);
        dc.setIdentifier(SENTINEL_NUMBER);
        dc.setFormat("application/pdf");
        dc.addCreator(SENTINEL_AUTHORITY);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer("TitleCert");
        pdf.setKeywords("证书编号 " + SENTINEL_NUMBER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(sentinel);
        basic.setCreatorTool("TitleCert");
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the XMP metadata", e);
        }
        return xml.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        fonts.close();
    }
}
