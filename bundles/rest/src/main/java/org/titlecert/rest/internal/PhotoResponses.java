package org.titlecert.rest.internal;

import javax.ws.rs.core.Response;

import org.titlecert.photo.Photo;
import org.titlecert.photo.PhotoEdit;

/** Shared by the photo endpoints: the crop parameters in, the JPEG out. */
final class PhotoResponses {

    private PhotoResponses() {
    }

    static PhotoEdit edit(Integer x, Integer y, Integer w, Integer h, Integer rotate) {
        return new PhotoEdit(x, y, w, h, rotate == null ? 0 : rotate);
    }

    static Response jpeg(Photo p) {
        return Downloads.file(p.jpeg(), "image/jpeg", "photo.jpg", true, p.info().sha256());
    }
}
