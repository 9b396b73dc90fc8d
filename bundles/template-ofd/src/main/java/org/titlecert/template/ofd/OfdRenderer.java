package org.titlecert.template.ofd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.ofdrw.core.basicStructure.doc.CT_CommonData;
import org.ofdrw.core.basicStructure.doc.CT_PageArea;
import org.ofdrw.core.basicStructure.doc.Document;
import org.ofdrw.core.basicStructure.ofd.DocBody;
import org.ofdrw.core.basicStructure.ofd.OFD;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.core.basicStructure.pageObj.Content;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageTree.Page;
import org.ofdrw.core.basicStructure.pageTree.Pages;
import org.ofdrw.core.basicStructure.res.CT_MultiMedia;
import org.ofdrw.core.basicStructure.res.MediaType;
import org.ofdrw.core.basicStructure.res.Res;
import org.ofdrw.core.basicStructure.res.resources.MultiMedias;
import org.ofdrw.core.basicType.ST_ID;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.text.CT_CGTransform;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.core.text.font.CT_Font;
import org.ofdrw.core.text.text.CT_Text;
import org.ofdrw.pkg.container.DocDir;
import org.ofdrw.pkg.container.OFDDir;
import org.ofdrw.pkg.container.PageDir;
import org.ofdrw.pkg.container.ResDir;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.RenderedCertificate;
import org.titlecert.template.TemplateException;
import org.titlecert.template.page.CertificatePage;
import org.titlecert.template.page.FontFiles;
import org.titlecert.template.page.Fonts;
import org.titlecert.template.page.Layout;

/**
 * Writes the default certificate ({@link CertificatePage}) as an OFD package: one page of text, paths and the photo,
 * each font embedded as the subset of the characters it draws (whole, for a font that draws a character beyond the
 * Basic Multilingual Plane, which a subset's character map cannot hold), and the 电子证照 fields as the document's
 * custom data. Text is placed glyph by glyph with the advances the PDF uses, so both formats put every character at
 * the same place.
 */
final class OfdRenderer implements CertificateRenderer {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Fonts fonts;
    private final CertificatePage page;

    OfdRenderer(Layout layout, FontFiles files) {
        this.fonts = new Fonts(files);
        this.page = new CertificatePage(layout, fonts);
    }

    @Override
    public RenderedCertificate render(CertificateContent c) throws TemplateException {
        Ids ids = new Ids();
        ST_ID pageId = ids.next();
        CT_Layer layer = new CT_Layer();
        layer.setObjID(ids.next());
        OfdCanvas canvas = new OfdCanvas(layer, ids);
        OFDDir dir = OFDDir.newOFD();
        try {
            page.draw(c, canvas);
            DocDir doc = dir.newDoc();
            ResDir files = doc.obtainRes();
            Res publicRes = new Res().setBaseLoc(new ST_Loc("Res"));
            publicRes.addResource(text(layer, ids, files));
            Res documentRes = new Res().setBaseLoc(new ST_Loc("Res"));
            MultiMedias media = new MultiMedias();
            for (OfdCanvas.Photo p : canvas.photos()) {
                String name = "photo_" + p.id() + ".jpg";
                files.putFile(name, p.jpeg());
                media.addMultiMedia(new CT_MultiMedia().setID(p.id()).setType(MediaType.Image).setFormat("JPEG")
                        .setMediaFile(new ST_Loc(name)));
            }
            documentRes.addResource(media);
            doc.setPublicRes(publicRes);
            doc.setDocumentRes(documentRes);
            PageDir pageDir = doc.obtainPages().newPageDir();
            pageDir.setContent(new org.ofdrw.core.basicStructure.pageObj.Page().setContent(new Content().addLayer(layer)));
            doc.setDocument(new Document()
                    .setCommonData(new CT_CommonData()
                            .setPageArea(new CT_PageArea().setPhysicalBox(OfdCanvas.page()))
                            .setPublicRes(new ST_Loc(DocDir.PublicResFileName))
                            .setDocumentRes(new ST_Loc(DocDir.DocumentResFileName))
                            .setMaxUnitID(ids.max()))
                    .setPages(new Pages().addPage(new Page(pageId,
                            new ST_Loc("Pages/" + pageDir.getContainerName() + "/" + PageDir.ContentFileName)))));
            dir.setOfd(new OFD().addDocBody(new DocBody().setDocInfo(info(c))
                    .setDocRoot(new ST_Loc(doc.getContainerName() + "/" + DocDir.DocumentFileName))));
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            dir.jar(out);
            return new RenderedCertificate(out.toByteArray(), CertificatePage.SEAL_AREAS, CertificatePage.QR_CODE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            dir.clean();
        }
    }

    /**
     * The laid-out text as text objects, one per run of one font, each character at the advance the PDF gives it; and
     * the fonts they use, embedded.
     */
    private org.ofdrw.core.basicStructure.res.resources.Fonts text(CT_Layer layer, Ids ids, ResDir files)
            throws IOException {
        org.ofdrw.core.basicStructure.res.resources.Fonts resources =
                new org.ofdrw.core.basicStructure.res.resources.Fonts();
        Map<Fonts.Face, ST_ID> embedded = new HashMap<>();
        for (Fonts.Face face : fonts.used()) {
            ST_ID id = ids.next();
            String name = "font_" + id + ".ttf";
            files.putFile(name, face.beyondBmp() ? face.data() : face.subset());
            String family = face.trueType().getName();
            resources.addFont(new CT_Font().setID(id).setFontName(face.beyondBmp() ? family : face.tag() + family)
                    .setFamilyName(family).setFontFile(name));
            embedded.put(face, id);
        }
        for (Fonts.Text t : fonts.texts()) {
            float x = t.x();
            for (Fonts.Run r : t.runs()) {
                int[] cps = r.text().codePoints().toArray();
                Double[] deltas = new Double[cps.length - 1];
                float advance = 0;
                for (int i = 0; i < cps.length; i++) {
                    float w = r.face().width(new String(cps, i, 1)) / 1000f * t.size() + t.spacing();
                    if (i < deltas.length) {
                        deltas[i] = w * OfdCanvas.MM;
                    }
                    advance += w;
                }
                TextCode code = new TextCode().setContent(r.text()).setX(OfdCanvas.x(x)).setY(OfdCanvas.y(t.y()));
                if (deltas.length > 0) {
                    code.setDeltaX(deltas);
                }
                CT_Text text = new CT_Text().setBoundary(OfdCanvas.page()).setFont(embedded.get(r.face()).ref())
                        .setSize(t.size() * OfdCanvas.MM).setFill(true).setFillColor(OfdCanvas.colour(t.colour()));
                if (r.face().beyondBmp()) {
                    glyphsBeyondBmp(text, r);
                }
                layer.addPageBlock(text.addTextCode(code).toObj(ids.next()));
                x += advance;
            }
        }
        return resources;
    }

    /**
     * Each character beyond the Basic Multilingual Plane (two UTF-16 units) mapped to its glyph in the embedded whole
     * font ({@code CGTransform}), so that a reader need not look it up in the character map: readers that index the
     * text by UTF-16 unit (ofdrw's among them) otherwise find no glyph and draw a box.
     */
    private static void glyphsBeyondBmp(CT_Text text, Fonts.Run r) throws IOException {
        String s = r.text();
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            if (Character.isSupplementaryCodePoint(cp)) {
                int gid = r.face().trueType().getUnicodeCmapLookup().getGlyphId(cp);
                text.addCGTransform(new CT_CGTransform().setCodePosition(i).setCodeCount(2).setGlyphCount(1)
                        .setGlyphs(ST_Array.getInstance(Integer.toString(gid))));
            }
        }
    }

    /** Title, issuer and date, and the 电子证照 fields as custom data, named as the standard names them. */
    private CT_DocInfo info(CertificateContent c) {
        CT_DocInfo info = new CT_DocInfo().setDocID(UUID.randomUUID())
                .setTile(page.layout().heading() + " " + c.certificateNumber())
                .setSubject(c.titleName())
                .setCreationDate(LocalDate.now(CHINA))
                .setCreator("TitleCert");
        if (c.issuingAuthority() != null) {
            info.setAuthor(c.issuingAuthority());
        }
        if (!c.licence().isEmpty()) {
            CustomDatas data = new CustomDatas();
            c.licence().forEach(data::addCustomData);
            info.setCustomDatas(data);
        }
        return info;
    }

    @Override
    public void close() {
        fonts.close();
    }
}
