package org.titlecert.photo.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The photo files of every kept photo, the current ones and the history. */
@Component(service = ContentReferences.class)
public class PhotoFiles extends ContentReferences {

    static final String AREA = "photos";
    static final String EXTENSION = ".jpg";

    public PhotoFiles() {
        super(AREA, EXTENSION, "SELECT DISTINCT SHA256 FROM TC_PHOTO");
    }
}
