package org.titlecert.filing.internal;

import java.time.LocalDate;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

import org.titlecert.filing.PersonTitle;
import org.titlecert.filing.RosterEntry;

/** One person's qualification in one filing's roster. */
@Entity
@Table(name = "TC_ROSTER_ENTRY",
        uniqueConstraints = @UniqueConstraint(name = "TC_ROSTER_PERSON", columnNames = {"FILING_ID", "PERSON_ID"}),
        indexes = @Index(name = "TC_ROSTER_BY_PERSON", columnList = "PERSON_ID"))
public class RosterEntryEntity {

    @Id
    @TableGenerator(name = "rosterIds", table = "TC_FILING_SEQ", pkColumnValue = "ROSTER", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "rosterIds")
    private long id;

    @Column(name = "FILING_ID", nullable = false)
    private long filingId;

    @Column(name = "PERSON_ID", nullable = false)
    private long personId;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(name = "ID_NUMBER", nullable = false, length = 18)
    private String idNumber;

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

    public RosterEntryEntity() {
    }

    RosterEntryEntity(long filingId, long personId) {
        this.filingId = filingId;
        this.personId = personId;
    }

    String getIdNumber() {
        return idNumber;
    }

    /** Copies the row in; returns true if anything changed. */
    boolean apply(RosterRow r) {
        boolean changed = !Objects.equals(name, r.name()) || !Objects.equals(gender, r.gender().label())
                || !Objects.equals(birthDate, r.birthDate()) || !Objects.equals(employer, r.employer())
                || !Objects.equals(series, r.series()) || !Objects.equals(specialty, r.specialty())
                || !Objects.equals(titleName, r.titleName()) || !Objects.equals(level, r.level())
                || !Objects.equals(qualificationDate, r.qualificationDate());
        if (changed) {
            name = r.name();
            idNumber = r.idNumber();
            gender = r.gender().label();
            birthDate = r.birthDate();
            employer = r.employer();
            series = r.series();
            specialty = r.specialty();
            titleName = r.titleName();
            level = r.level();
            qualificationDate = r.qualificationDate();
        }
        return changed;
    }

    long getFilingId() {
        return filingId;
    }

    long getPersonId() {
        return personId;
    }

    PersonTitle toTitle(FilingEntity f) {
        org.titlecert.filing.Filing d = f.toDto(0);
        return new PersonTitle(id, filingId, personId, name, idNumber, gender, birthDate, employer, series, specialty,
                titleName, level, d.year(), qualificationDate, f.issueDate(), d.approvalNumber(), d.unit(),
                d.committee(), d.issuingAuthority());
    }

    RosterEntry toDto() {
        return new RosterEntry(id, filingId, personId, name, idNumber, gender, birthDate, employer, series, specialty,
                titleName, level, qualificationDate);
    }
}
