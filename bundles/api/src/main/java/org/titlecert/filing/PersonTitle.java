package org.titlecert.filing;

import java.time.LocalDate;

/**
 * A title a person holds: a roster entry of an approved filing (我的职称).
 *
 * @param rosterEntryId the roster entry it comes from
 * @param issueDate     the day the filing was approved (发证日期)
 */
public record PersonTitle(long rosterEntryId, long filingId, long personId, String name, String idNumber,
                          String gender, LocalDate birthDate, String employer, String series, String specialty,
                          String titleName, String level, int year, LocalDate qualificationDate, LocalDate issueDate,
                          String approvalNumber, Ref unit, Ref committee, Ref issuingAuthority) {
}
