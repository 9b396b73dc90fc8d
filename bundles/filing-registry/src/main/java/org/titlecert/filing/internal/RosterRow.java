package org.titlecert.filing.internal;

import java.time.LocalDate;

import org.titlecert.api.Gender;

/** A roster row that passed validation. */
record RosterRow(int row, String name, String idNumber, Gender gender, LocalDate birthDate, String employer,
                 String series, String specialty, String titleName, String level, LocalDate qualificationDate) {
}
