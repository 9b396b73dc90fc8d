package org.titlecert.filing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.filing.Committee;

/** An evaluation committee (评委会), belonging to one organizing unit. */
@Entity
@Table(name = "TC_COMMITTEE")
public class CommitteeEntity {

    @Id
    @TableGenerator(name = "committeeIds", table = "TC_FILING_SEQ", pkColumnValue = "COMMITTEE", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "committeeIds")
    private long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 12)
    private String region;

    @ManyToOne(optional = false)
    @JoinColumn(name = "UNIT_ID")
    private UnitEntity unit;

    public CommitteeEntity() {
    }

    CommitteeEntity(UnitEntity unit, String code, String name, String region) {
        this.unit = unit;
        this.code = code;
        this.name = name;
        this.region = region;
    }

    UnitEntity getUnit() {
        return unit;
    }

    Committee toDto() {
        return new Committee(id, code, name, unit.getId(), region);
    }
}
