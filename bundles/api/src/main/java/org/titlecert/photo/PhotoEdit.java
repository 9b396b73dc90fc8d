package org.titlecert.photo;

/**
 * How to cut the certificate photo out of an uploaded image, as Cropper.js reports it: first the image
 * is turned upright (EXIF orientation), then rotated by {@code rotate} degrees clockwise (a multiple of 90),
 * then the rectangle {@code x, y, width, height} (in pixels of that rotated image) is cut out and scaled
 * to the certificate's photo size. A {@code null} rectangle takes the largest centred one of the photo's
 * aspect ratio.
 */
public record PhotoEdit(Integer x, Integer y, Integer width, Integer height, int rotate) {

    public static final PhotoEdit NONE = new PhotoEdit(null, null, null, null, 0);

    public boolean hasCrop() {
        return x != null && y != null && width != null && height != null;
    }
}
