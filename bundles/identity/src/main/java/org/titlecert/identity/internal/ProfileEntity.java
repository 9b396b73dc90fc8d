package org.titlecert.identity.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.titlecert.identity.Profile;

/** An individual's registration form (个人注册), one per account. */
@Entity
@Table(name = "TC_PROFILE")
public class ProfileEntity {

    @Id
    @Column(name = "ACCOUNT_ID")
    private long accountId;

    @Column(name = "REAL_NAME", length = 50) private String realName;
    @Column(name = "ID_NUMBER", length = 18) private String idNumber;
    @Column(length = 11) private String mobile;
    @Column(length = 2) private String gender;
    @Column(name = "BIRTH_DATE") private LocalDate birthDate;
    @Column(name = "POLITICAL_STATUS", length = 20) private String politicalStatus;
    @Column(length = 20) private String ethnicity;
    @Column(length = 100) private String email;
    @Column(length = 200) private String address;
    @Column(name = "WORK_START_DATE") private LocalDate workStartDate;
    @Column(length = 20) private String education;
    @Column(name = "TITLE_NAME", length = 50) private String titleName;
    @Column(name = "SKILL_LEVEL", length = 50) private String skillLevel;
    @Column(length = 20) private String degree;
    @Column(length = 20) private String landline;
    @Column(name = "EMPLOYER_UNIT_ID") private Long employerUnitId;
    /** Fields that came from the government SSO, space separated; the person cannot change them. */
    @Column(name = "READ_ONLY", length = 100) private String readOnly;

    public ProfileEntity() {
    }

    ProfileEntity(long accountId) {
        this.accountId = accountId;
    }

    void apply(Profile p) {
        realName = p.realName();
        idNumber = p.idNumber();
        mobile = p.mobile();
        gender = p.gender();
        birthDate = p.birthDate();
        politicalStatus = p.politicalStatus();
        ethnicity = p.ethnicity();
        email = p.email();
        address = p.address();
        workStartDate = p.workStartDate();
        education = p.education();
        titleName = p.titleName();
        skillLevel = p.skillLevel();
        degree = p.degree();
        landline = p.landline();
        employerUnitId = p.employerUnitId();
    }

    Long getEmployerUnitId() {
        return employerUnitId;
    }

    String getEmail() {
        return email;
    }

    long getAccountId() {
        return accountId;
    }

    String getRealName() {
        return realName;
    }

    String getIdNumber() {
        return idNumber;
    }

    String getMobile() {
        return mobile;
    }

    java.util.Set<String> getReadOnly() {
        return readOnly == null || readOnly.isBlank() ? java.util.Set.of()
                : java.util.Set.of(readOnly.split(" "));
    }

    void setReadOnly(java.util.Set<String> fields) {
        this.readOnly = String.join(" ", new java.util.TreeSet<>(fields));
    }

    Profile toDto(boolean complete) {
        return new Profile(realName, idNumber, mobile, gender, birthDate, politicalStatus, ethnicity, email, address,
                workStartDate, education, titleName, skillLevel, degree, landline, employerUnitId, getReadOnly(),
                complete);
    }
}
