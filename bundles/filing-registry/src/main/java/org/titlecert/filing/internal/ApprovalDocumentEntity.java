package org.titlecert.filing.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The content of a filing's approval document (批复文件), kept apart so lists never load it. */
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

    ApprovalDocumentEntity(long filingId, byte[] content) {
        this.filingId = filingId;
        this.content = content;
    }

    byte[] getContent() {
        return content;
    }

    void setContent(byte[] content) {
        this.content = content;
    }
}
