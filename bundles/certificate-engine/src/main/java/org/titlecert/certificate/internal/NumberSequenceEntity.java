package org.titlecert.certificate.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The last sequence number used per certificate-number prefix (region, year, committee, …). */
@Entity
@Table(name = "TC_CERT_NUMBER_SEQ")
public class NumberSequenceEntity {

    @Id
    @Column(length = 64)
    private String prefix;

    @Column(name = "LAST_USED", nullable = false)
    private long last;

    public NumberSequenceEntity() {
    }

    NumberSequenceEntity(String prefix, long last) {
        this.prefix = prefix;
        this.last = last;
    }
}
