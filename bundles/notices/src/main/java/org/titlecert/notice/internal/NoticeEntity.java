package org.titlecert.notice.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.titlecert.notice.Message;
import org.titlecert.notice.Notice;
import org.titlecert.notice.NoticeKind;

/** A message in a holder's 我的消息, written once per in-app delivery. */
@Entity
@Table(name = "TC_NOTICE", indexes = @Index(name = "TC_NOTICE_INBOX", columnList = "PERSON_ID,CREATED_AT"))
public class NoticeEntity {

    @Id
    @TableGenerator(name = "noticeIds", table = "TC_NOTICE_SEQ", pkColumnValue = "NOTICE", allocationSize = 200)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "noticeIds")
    private long id;

    @Column(name = "REFERENCE", nullable = false, length = 100, unique = true)
    private String reference;

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

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "READ_AT")
    private LocalDateTime readAt;

    public NoticeEntity() {
    }

    /** The message, its link kept as a path on the platform. */
    NoticeEntity(Message m, LocalDateTime now) {
        this.reference = m.reference();
        this.personId = m.personId();
        this.unitId = m.unitId();
        this.kind = m.kind().name();
        this.title = m.title();
        this.body = m.body();
        this.link = m.link() == null ? null : java.net.URI.create(m.link()).getRawPath();
        this.createdAt = now;
    }

    long getPersonId() {
        return personId;
    }

    long getUnitId() {
        return unitId;
    }

    Notice toDto() {
        return new Notice(id, NoticeKind.valueOf(kind), title, body, link, createdAt.toInstant(ZoneOffset.UTC),
                readAt == null ? null : readAt.toInstant(ZoneOffset.UTC));
    }
}
