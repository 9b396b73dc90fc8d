package org.titlecert.verification.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.titlecert.verification.CheckChannel;
import org.titlecert.verification.CheckRecord;

/**
 * One check of a certificate, for its holder's 查验记录. Times are UTC. Rows are written by {@link CheckLog} in JDBC
 * batches (ids from the {@code CHECK} row of {@code TC_VERIFICATION_SEQ}); this mapping reads and deletes them.
 */
@Entity
@Table(name = "TC_CHECK", indexes = {
        @Index(name = "TC_CHECK_BY_NUMBER", columnList = "CERT_NUMBER,CHECKED_AT"),
        @Index(name = "TC_CHECK_BY_VERIFIER", columnList = "VERIFIER_ID,CHECKED_AT")})
public class CheckEntity {

    @Id
    private long id;

    @Column(name = "CHECKED_AT", nullable = false)
    private LocalDateTime checkedAt;

    @Column(name = "CERT_NUMBER", nullable = false, length = 64)
    private String certificateNumber;

    @Column(name = "TITLE_NAME", length = 100)
    private String titleName;

    @Column(name = "CHANNEL", nullable = false, length = 16)
    private String channel;

    @Column(name = "ORGANIZATION", length = 200)
    private String organization;

    /** The 查验单位 whose account made the check, for its own list; null for anyone else. */
    @Column(name = "VERIFIER_ID")
    private Long verifierId;

    public CheckEntity() {
    }

    long getId() {
        return id;
    }

    CheckRecord toRecord() {
        return new CheckRecord(checkedAt.toInstant(ZoneOffset.UTC), certificateNumber, titleName,
                CheckChannel.valueOf(channel), organization);
    }
}
