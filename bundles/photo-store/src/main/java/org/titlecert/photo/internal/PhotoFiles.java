package org.titlecert.photo.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The photo files of every kept photo, the current ones and the history. */
@Component(service = ContentReferences.class)
public class PhotoFiles implements ContentReferences {

    static final String AREA = "photos";
    static final String EXTENSION = ".jpg";

    @Override
    public String area() {
        return AREA;
    }

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public String query() {
        return "SELECT DISTINCT SHA256 FROM TC_PHOTO";
    }
}
