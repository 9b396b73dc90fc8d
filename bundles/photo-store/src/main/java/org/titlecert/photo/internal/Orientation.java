package org.titlecert.photo.internal;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;

/**
 * The turn from a file's stored pixels to what the person saw in the cropper: the EXIF orientation,
 * then a clockwise rotation by a multiple of 90 degrees. Every such turn maps rectangles to rectangles,
 * so a crop can be traced back to the stored pixels exactly.
 */
final class Orientation {

    /** Quarter turns clockwise, and whether to mirror left-right first. */
    private final int quarters;
    private final boolean mirror;

    private Orientation(int quarters, boolean mirror) {
        this.quarters = Math.floorMod(quarters, 4);
        this.mirror = mirror;
    }

    static Orientation of(int exif, int rotateDegrees) {
        if (rotateDegrees % 90 != 0) {
            throw new IllegalArgumentException("rotation must be a multiple of 90");
        }
        int q = rotateDegrees / 90;
        return switch (exif) {
            case 2 -> new Orientation(q, true);
            case 3 -> new Orientation(q + 2, false);
            case 4 -> new Orientation(q + 2, true);
            case 5 -> new Orientation(q + 3, true);
            case 6 -> new Orientation(q + 1, false);
            case 7 -> new Orientation(q + 1, true);
            case 8 -> new Orientation(q + 3, false);
            default -> new Orientation(q, false);
        };
    }

    boolean swapsAxes() {
        return quarters % 2 == 1;
    }

    /** Maps stored coordinates (an image w by h) to the turned image's coordinates. */
    AffineTransform transform(int w, int h) {
        AffineTransform t = new AffineTransform();
        switch (quarters) {
            case 1 -> {
                t.translate(h, 0);
                t.quadrantRotate(1);
            }
            case 2 -> {
                t.translate(w, h);
                t.quadrantRotate(2);
            }
            case 3 -> {
                t.translate(0, w);
                t.quadrantRotate(3);
            }
            default -> {
            }
        }
        if (mirror) {
            t.translate(w, 0);
            t.scale(-1, 1);
        }
        return t;
    }

    /** The stored-pixel rectangle that a rectangle of the turned image comes from. */
    Rectangle toStored(Rectangle turned, int w, int h) {
        try {
            return transform(w, h).createInverse().createTransformedShape(turned).getBounds();
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalStateException(e);
        }
    }
}
