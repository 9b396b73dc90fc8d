package org.titlecert.template.page;

import java.awt.Color;
import java.io.IOException;

/**
 * Where {@link CertificatePage} draws: coordinates in PDF points from the page's lower left corner. Text is not drawn
 * here but laid out in {@link Fonts}, which each format writes once the page is complete (its fonts are then subset
 * to exactly the characters drawn).
 */
public interface Canvas {

    void fill(Color colour, float x, float y, float width, float height) throws IOException;

    void strokeRect(Color colour, float lineWidth, float x, float y, float width, float height) throws IOException;

    void line(Color colour, float lineWidth, float x1, float y1, float x2, float y2) throws IOException;

    /** The holder's photo, a JPEG, scaled into the rectangle. */
    void photo(byte[] jpeg, float x, float y, float width, float height) throws IOException;

    /** A QR code of the text with its quiet zone, filling the square. */
    void qrCode(String text, float x, float y, float size) throws IOException;
}
