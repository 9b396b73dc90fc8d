package org.titlecert.certificate.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The certificate OFDs that certificates refer to: the current one of each, where the region issues OFD. */
@Component(service = ContentReferences.class)
public class OfdFiles extends ContentReferences {

    static final String AREA = "certificates-ofd";
    static final String EXTENSION = ".ofd";

    public OfdFiles() {
        super(AREA, EXTENSION, "SELECT OFD_SHA256 FROM TC_CERTIFICATE WHERE OFD_SHA256 IS NOT NULL");
    }
}
