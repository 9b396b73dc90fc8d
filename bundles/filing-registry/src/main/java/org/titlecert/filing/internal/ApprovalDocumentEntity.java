package org.titlecert.filing.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * Where approval documents (批复文件) were kept before they moved to the file store: read once, to move them,
 * and emptied.
 */
@Entity
@Table(name = "TC_APPROVAL_DOC")
public class ApprovalDocumentEntity {

    @Id
    @Column(name = "FILING_ID")
    private long filingId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, length = 64 * 1024 * 1024)
    private byte[] content;

    public ApprovalDocumentEntity() {
    }

    byte[] getContent() {
        return content;
    }
}
