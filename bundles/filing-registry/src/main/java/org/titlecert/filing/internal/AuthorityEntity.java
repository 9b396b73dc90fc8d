package org.titlecert.filing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.filing.IssuingAuthority;

/** An issuing authority (发证机关). */
@Entity
@Table(name = "TC_AUTHORITY")
public class AuthorityEntity {

    @Id
    @TableGenerator(name = "authorityIds", table = "TC_FILING_SEQ", pkColumnValue = "AUTHORITY", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "authorityIds")
    private long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "CREDIT_CODE", length = 18)
    private String creditCode;

    public AuthorityEntity() {
    }

    AuthorityEntity(String code, String name) {
        this.code = code;
        this.name = name;
    }

    void update(String name, String creditCode) {
        this.name = name;
        this.creditCode = creditCode;
    }

    IssuingAuthority toDto() {
        return new IssuingAuthority(id, code, name, creditCode);
    }
}
