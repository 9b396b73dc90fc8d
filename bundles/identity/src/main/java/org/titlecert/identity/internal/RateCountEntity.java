package org.titlecert.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One client's requests to one rate limit in one minute, added to by every node. */
@Entity
@Table(name = "TC_RATE_COUNT", indexes = @Index(name = "TC_RATE_COUNT_MINUTE", columnList = "MINUTE_NO"))
public class RateCountEntity {

    @Id
    @Column(name = "KEY_ID", length = 120)
    private String key;

    @Column(name = "MINUTE_NO", nullable = false)
    private long minute;

    @Column(nullable = false)
    private long hits;

    public RateCountEntity() {
    }

    RateCountEntity(String key, long minute, long hits) {
        this.key = key;
        this.minute = minute;
        this.hits = hits;
    }

    String getKey() {
        return key;
    }

    long getHits() {
        return hits;
    }
}
