package org.titlecert.template.ofd;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.basicType.ST_ID;
import org.ofdrw.core.graph.pathObj.AbbreviatedData;
import org.ofdrw.core.graph.pathObj.CT_Path;
import org.ofdrw.core.image.CT_Image;
import org.ofdrw.core.pageDescription.color.color.CT_Color;
import org.titlecert.font.QrCode;
import org.titlecert.template.page.Canvas;
import org.titlecert.template.page.CertificatePage;

/**
 * The page's shapes and photo as OFD page objects. OFD measures in millimetres from the page's top left corner, y
 * downwards; the page is drawn in PDF points from the lower left, so every coordinate is converted here.
 */
final class OfdCanvas implements Canvas {

    /** Millimetres per point. */
    static final double MM = 25.4 / 72;

    private final CT_Layer layer;
    private final Ids ids;
    /** The photos drawn, for the document's resources: the JPEG and the id its image object refers to. */
    private final List<Photo> photos = new ArrayList<>(1);

    record Photo(ST_ID id, byte[] jpeg) {
    }

    OfdCanvas(CT_Layer layer, Ids ids) {
        this.layer = layer;
        this.ids = ids;
    }

    List<Photo> photos() {
        return photos;
    }

    static double x(float x) {
        return x * MM;
    }

    static double y(float y) {
        return (CertificatePage.HEIGHT - y) * MM;
    }

    static CT_Color colour(Color c) {
        return CT_Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The whole page, as the boundary of objects drawn in page coordinates. */
    static ST_Box page() {
        return new ST_Box(0, 0, CertificatePage.WIDTH * MM, CertificatePage.HEIGHT * MM);
    }

    @Override
    public void fill(Color colour, float x, float y, float width, float height) {
        layer.addPageBlock(new CT_Path().setBoundary(page()).setStroke(false).setFill(true)
                .setFillColor(colour(colour)).setAbbreviatedData(rect(new AbbreviatedData(), x, y, width, height))
                .toObj(ids.next()));
    }

    @Override
    public void strokeRect(Color colour, float lineWidth, float x, float y, float width, float height) {
        layer.addPageBlock(new CT_Path().setBoundary(page()).setStroke(true).setFill(false)
                .setStrokeColor(colour(colour)).setLineWidth(lineWidth * MM)
                .setAbbreviatedData(rect(new AbbreviatedData(), x, y, width, height)).toObj(ids.next()));
    }

    @Override
    public void line(Color colour, float lineWidth, float x1, float y1, float x2, float y2) {
        layer.addPageBlock(new CT_Path().setBoundary(page()).setStroke(true).setFill(false)
                .setStrokeColor(colour(colour)).setLineWidth(lineWidth * MM)
                .setAbbreviatedData(new AbbreviatedData().M(x(x1), y(y1)).L(x(x2), y(y2))).toObj(ids.next()));
    }

    @Override
    public void photo(byte[] jpeg, float x, float y, float width, float height) {
        ST_ID media = ids.next();
        photos.add(new Photo(media, jpeg));
        layer.addPageBlock(new CT_Image().setResourceID(media.ref())
                .setBoundary(x(x), y(y + height), width * MM, height * MM)
                .setCTM(new ST_Array(width * MM, 0, 0, height * MM, 0, 0)).toObj(ids.next()));
    }

    /** The code's dark modules as one filled path, on a white square that keeps the quiet zone clear. */
    @Override
    public void qrCode(String text, float x, float y, float size) throws IOException {
        fill(Color.WHITE, x, y, size, size);
        AbbreviatedData modules = new AbbreviatedData();
        QrCode.squares(text, x, y, size, (left, bottom, width, height) -> rect(modules, left, bottom, width, height));
        layer.addPageBlock(new CT_Path().setBoundary(page()).setStroke(false).setFill(true)
                .setFillColor(colour(Color.BLACK)).setAbbreviatedData(modules).toObj(ids.next()));
    }

    private static AbbreviatedData rect(AbbreviatedData d, float x, float y, float width, float height) {
        return d.M(x(x), y(y + height)).L(x(x + width), y(y + height)).L(x(x + width), y(y)).L(x(x), y(y)).C();
    }
}
