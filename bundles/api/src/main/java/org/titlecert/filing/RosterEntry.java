package org.titlecert.filing;

import java.time.LocalDate;

/**
 * One person's qualification in a filing's roster (人员名单).
 *
 * @param personId the registry's id of the person, stable across filings
 */
public record RosterEntry(long id, long filingId, long personId, String name, String idNumber, String gender,
                          LocalDate birthDate, String employer, String series, String specialty, String titleName,
                          String level, LocalDate qualificationDate) {
}
