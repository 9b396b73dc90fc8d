package org.titlecert.filing;

import java.time.LocalDate;

/**
 * A correction (更正) of a roster entry: the fields to change, {@code null} for those that stay. The ID number is
 * the person's identity and is never corrected; gender and birth date must agree with it.
 */
public record RosterChange(String name, String gender, LocalDate birthDate, String employer, String series,
                           String specialty, String titleName, String level, LocalDate qualificationDate) {

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return name == null && gender == null && birthDate == null && employer == null && series == null
                && specialty == null && titleName == null && level == null && qualificationDate == null;
    }
}
