package org.titlecert.certificate.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.certificate.CorrectedField;
import org.titlecert.certificate.FieldChange;

/** One field a correction changes: its value when asked for, and the new one. */
@Entity
@Table(name = "TC_CORRECTION_FIELD", indexes = @Index(name = "TC_CORRECTION_FIELD_OF", columnList = "CORRECTION_ID"))
public class CorrectionFieldEntity {

    @Id
    @TableGenerator(name = "correctionFieldIds", table = "TC_CERT_SEQ", pkColumnValue = "CORRECTION_FIELD",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "correctionFieldIds")
    private long id;

    @Column(name = "CORRECTION_ID", nullable = false)
    private long correctionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FIELD", nullable = false, length = 20)
    private CorrectedField field;

    @Column(name = "OLD_VALUE", nullable = false, length = 100)
    private String oldValue;

    @Column(name = "NEW_VALUE", nullable = false, length = 100)
    private String newValue;

    public CorrectionFieldEntity() {
    }

    CorrectionFieldEntity(long correctionId, FieldChange change) {
        this.correctionId = correctionId;
        this.field = change.field();
        this.oldValue = change.from();
        this.newValue = change.to();
    }

    long getCorrectionId() {
        return correctionId;
    }

    FieldChange toDto() {
        return new FieldChange(field, oldValue, newValue);
    }
}
