package org.titlecert.identity;

import java.time.LocalDate;
import java.util.Set;

/**
 * The individual's registration form (个人注册). Required: realName, idNumber, mobile, gender, birthDate,
 * politicalStatus, ethnicity, email, address, workStartDate, education. Optional: titleName,
 * skillLevel, degree, landline. {@code employerUnitId} is one of the known units, or {@code null} for 否.
 *
 * @param readOnly fields that came from the government SSO and cannot be changed here
 * @param complete whether the form has been completed
 */
public record Profile(String realName, String idNumber, String mobile, String gender, LocalDate birthDate,
                      String politicalStatus, String ethnicity, String email, String address,
                      LocalDate workStartDate, String education, String titleName, String skillLevel,
                      String degree, String landline, Long employerUnitId, Set<String> readOnly,
                      boolean complete) {

    public Profile {
        readOnly = readOnly == null ? Set.of() : Set.copyOf(readOnly);
    }
}
