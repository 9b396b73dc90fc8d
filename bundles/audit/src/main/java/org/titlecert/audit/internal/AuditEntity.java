package org.titlecert.audit.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

import org.titlecert.audit.AuditEntry;
import org.titlecert.audit.Outcome;

/** One audit log line. Append-only: nothing updates or deletes it. */
@Entity
@Table(name = "TC_AUDIT", indexes = {
        @Index(name = "TC_AUDIT_AT", columnList = "AT"),
        @Index(name = "TC_AUDIT_ACTOR", columnList = "ACTOR,AT"),
        @Index(name = "TC_AUDIT_ACTION", columnList = "ACTION,AT")})
public class AuditEntity {

    @Id
    @TableGenerator(name = "auditIds", table = "TC_AUDIT_SEQ", pkColumnValue = "AUDIT", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "auditIds")
    private long id;

    @Column(name = "AT", nullable = false)
    private LocalDateTime at;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(length = 20)
    private String role;

    @Column(length = 64)
    private String address;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(length = 200)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;

    @Column(length = 1000)
    private String detail;

    public AuditEntity() {
    }

    AuditEntity(LocalDateTime at, String actor, String role, String address, String action, String target,
                Outcome outcome, String detail) {
        this.at = at;
        this.actor = actor;
        this.role = role;
        this.address = address;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.detail = detail;
    }

    AuditEntry toDto() {
        return new AuditEntry(id, at.toInstant(ZoneOffset.UTC), actor, role, address, action, target, outcome, detail);
    }
}
