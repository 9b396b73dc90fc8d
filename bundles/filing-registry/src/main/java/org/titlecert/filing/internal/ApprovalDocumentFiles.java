package org.titlecert.filing.internal;

import org.osgi.service.component.annotations.Component;
import org.titlecert.store.ContentReferences;

/** The approval documents (批复文件) of filings. */
@Component(service = ContentReferences.class)
public class ApprovalDocumentFiles implements ContentReferences {

    static final String AREA = "approval-documents";
    static final String EXTENSION = ".pdf";

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
        return "SELECT DOC_SHA256 FROM TC_FILING WHERE DOC_SHA256 IS NOT NULL";
    }
}
