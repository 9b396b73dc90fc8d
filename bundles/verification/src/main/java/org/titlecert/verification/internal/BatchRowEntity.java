package org.titlecert.verification.internal;

import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.verification.BatchResult;
import org.titlecert.verification.Verdict;

/** One row's verdict in a batch check, as given (the ID number masked). */
@Entity
@Table(name = "TC_BATCH_ROW", indexes = @Index(name = "TC_BATCH_ROW_BY_BATCH", columnList = "BATCH_ID,POSITION"))
public class BatchRowEntity {

    @Id
    @TableGenerator(name = "batchRowIds", table = "TC_VERIFICATION_SEQ", pkColumnValue = "BATCH_ROW", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "batchRowIds")
    private long id;

    @Column(name = "BATCH_ID", nullable = false)
    private long batchId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "ROW_NO", nullable = false)
    private int rowNo;

    @Column(name = "SOURCE", length = 255)
    private String source;

    @Column(name = "CERT_NUMBER", length = 64)
    private String certificateNumber;

    @Column(name = "PERSON_NAME", length = 100)
    private String name;

    @Column(name = "MASKED_ID", length = 32)
    private String maskedIdNumber;

    @Column(name = "VERDICT", nullable = false, length = 16)
    private String verdict;

    @Column(name = "MISMATCHED", length = 100)
    private String mismatched;

    @Column(name = "TITLE_NAME", length = 100)
    private String titleName;

    @Column(name = "VERSION_NO")
    private Integer version;

    @Column(name = "DETAIL", length = 300)
    private String detail;

    public BatchRowEntity() {
    }

    BatchRowEntity(long batchId, int position, BatchResult r) {
        this.batchId = batchId;
        this.position = position;
        this.rowNo = r.row();
        this.source = cut(r.source(), 255);
        this.certificateNumber = cut(r.certificateNumber(), 64);
        this.name = cut(r.name(), 100);
        this.maskedIdNumber = cut(r.maskedIdNumber(), 32);
        this.verdict = r.verdict().name();
        this.mismatched = r.mismatched().isEmpty() ? null : String.join("、", r.mismatched());
        this.titleName = cut(r.titleName(), 100);
        this.version = r.version();
        this.detail = cut(r.detail(), 300);
    }

    BatchResult toResult() {
        return new BatchResult(rowNo, source, certificateNumber, name, maskedIdNumber, Verdict.valueOf(verdict),
                mismatched == null ? List.of() : Arrays.asList(mismatched.split("、")), titleName, version, detail);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
