package org.titlecert.certificate.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The certificate PDFs that certificates refer to: the current one of each (older versions are kept as hashes only). */
@Component(service = ContentReferences.class)
public class CertificateFiles extends ContentReferences {

    static final String AREA = "certificates";
    static final String EXTENSION = ".pdf";

    public CertificateFiles() {
        super(AREA, EXTENSION, "SELECT SHA256 FROM TC_CERTIFICATE WHERE SHA256 IS NOT NULL");
    }
}
