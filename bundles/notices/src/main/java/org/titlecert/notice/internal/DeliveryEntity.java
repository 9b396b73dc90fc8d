package org.titlecert.notice.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

import org.titlecert.notice.Message;
import org.titlecert.notice.NoticeKind;

/** One notice to be delivered through one channel: the queue's row. */
@Entity
@Table(name = "TC_NOTICE_DELIVERY",
        uniqueConstraints = @UniqueConstraint(name = "TC_NOTICE_DELIVERY_ONCE", columnNames = {"CHANNEL", "DEDUPE_KEY"}),
        indexes = {@Index(name = "TC_NOTICE_DELIVERY_DUE", columnList = "CHANNEL,STATUS,NEXT_AT"),
                @Index(name = "TC_NOTICE_DELIVERY_KEY", columnList = "DEDUPE_KEY")})
public class DeliveryEntity {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    @TableGenerator(name = "deliveryIds", table = "TC_NOTICE_SEQ", pkColumnValue = "DELIVERY", allocationSize = 200)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "deliveryIds")
    private long id;

    @Column(name = "CHANNEL", nullable = false, length = 32)
    private String channel;

    @Column(name = "DEDUPE_KEY", nullable = false, length = 100)
    private String dedupeKey;

    @Column(name = "ADDRESS", nullable = false, length = 200)
    private String address;

    @Column(name = "PERSON_ID", nullable = false)
    private long personId;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(name = "KIND", nullable = false, length = 32)
    private String kind;

    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

    @Column(name = "BODY", nullable = false, length = 1000)
    private String body;

    @Column(name = "LINK", length = 300)
    private String link;

    @Column(name = "STATUS", nullable = false, length = 10)
    private String status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_AT", nullable = false)
    private LocalDateTime nextAt;

    @Column(name = "LAST_ERROR", length = 500)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "SENT_AT")
    private LocalDateTime sentAt;

    public DeliveryEntity() {
    }

    DeliveryEntity(String channel, String address, Message m, LocalDateTime now) {
        this.channel = channel;
        this.dedupeKey = m.reference();
        this.address = address;
        this.personId = m.personId();
        this.unitId = m.unitId();
        this.kind = m.kind().name();
        this.title = m.title();
        this.body = m.body();
        this.link = m.link();
        this.status = PENDING;
        this.nextAt = now;
        this.createdAt = now;
    }

    long getId() {
        return id;
    }

    String getChannel() {
        return channel;
    }

    String getAddress() {
        return address;
    }

    int getAttempts() {
        return attempts;
    }

    Message message() {
        return new Message(dedupeKey, personId, unitId, NoticeKind.valueOf(kind), title, body, link);
    }
}
