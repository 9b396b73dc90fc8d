package org.titlecert.filing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.filing.OrganizingUnit;

/** An organizing unit (评委会组建单位). */
@Entity
@Table(name = "TC_UNIT")
public class UnitEntity {

    @Id
    @TableGenerator(name = "unitIds", table = "TC_FILING_SEQ", pkColumnValue = "UNIT", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "unitIds")
    private long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    public UnitEntity() {
    }

    UnitEntity(String code, String name) {
        this.code = code;
        this.name = name;
    }

    long getId() {
        return id;
    }

    OrganizingUnit toDto() {
        return new OrganizingUnit(id, code, name);
    }
}
