package org.titlecert.certificate.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The evidence PDFs (证明材料) of corrections. */
@Component(service = ContentReferences.class)
public class CorrectionFiles extends ContentReferences {

    static final String AREA = "correction-evidence";
    static final String EXTENSION = ".pdf";

    public CorrectionFiles() {
        super(AREA, EXTENSION, "SELECT EVIDENCE_SHA256 FROM TC_CORRECTION WHERE EVIDENCE_SHA256 IS NOT NULL");
    }
}
