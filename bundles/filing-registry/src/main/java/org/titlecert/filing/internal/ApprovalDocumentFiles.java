package org.titlecert.filing.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The approval documents (批复文件) of filings. */
@Component(service = ContentReferences.class)
public class ApprovalDocumentFiles extends ContentReferences {

    static final String AREA = "approval-documents";
    static final String EXTENSION = ".pdf";

    public ApprovalDocumentFiles() {
        super(AREA, EXTENSION, "SELECT DOC_SHA256 FROM TC_FILING WHERE DOC_SHA256 IS NOT NULL");
    }
}
