package org.titlecert.filing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A person known to the registry, identified by resident ID number; rosters refer to it by id. */
@Entity
@Table(name = "TC_PERSON")
public class PersonEntity {

    @Id
    @TableGenerator(name = "personIds", table = "TC_FILING_SEQ", pkColumnValue = "PERSON", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "personIds")
    private long id;

    @Column(name = "ID_NUMBER", nullable = false, unique = true, length = 18)
    private String idNumber;

    public PersonEntity() {
    }

    PersonEntity(String idNumber) {
        this.idNumber = idNumber;
    }

    long getId() {
        return id;
    }

    String getIdNumber() {
        return idNumber;
    }
}
