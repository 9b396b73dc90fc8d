package org.titlecert.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A roster entry's values before a correction (更正) changed them, under the correction's reference. */
@Entity
@Table(name = "TC_ROSTER_HISTORY", uniqueConstraints = @UniqueConstraint(name = "TC_ROSTER_HISTORY_REF",
        columnNames = {"ROSTER_ENTRY_ID", "REFERENCE"}))
public class RosterHistoryEntity {

    @Id
    @TableGenerator(name = "rosterHistoryIds", table = "TC_FILING_SEQ", pkColumnValue = "ROSTER_HISTORY",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "rosterHistoryIds")
    private long id;

    @Column(name = "ROSTER_ENTRY_ID", nullable = false)
    private long rosterEntryId;

    @Column(name = "REFERENCE", nullable = false, length = 40)
    private String reference;

    @Column(name = "CHANGED_AT", nullable = false)
    private LocalDateTime changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(nullable = false, length = 2)
    private String gender;

    @Column(name = "BIRTH_DATE", nullable = false)
    private LocalDate birthDate;

    @Column(nullable = false, length = 100)
    private String employer;

    @Column(nullable = false, length = 50)
    private String series;

    @Column(nullable = false, length = 50)
    private String specialty;

    @Column(name = "TITLE_NAME", nullable = false, length = 50)
    private String titleName;

    @Column(name = "TITLE_LEVEL", nullable = false, length = 10)
    private String level;

    @Column(name = "QUALIFICATION_DATE", nullable = false)
    private LocalDate qualificationDate;

    public RosterHistoryEntity() {
    }

    RosterHistoryEntity(org.titlecert.filing.RosterEntry before, String reference, String by, LocalDateTime now) {
        this.rosterEntryId = before.id();
        this.reference = reference;
        this.changedBy = by;
        this.changedAt = now;
        this.name = before.name();
        this.gender = before.gender();
        this.birthDate = before.birthDate();
        this.employer = before.employer();
        this.series = before.series();
        this.specialty = before.specialty();
        this.titleName = before.titleName();
        this.level = before.level();
        this.qualificationDate = before.qualificationDate();
    }
}
