package org.titlecert.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a share code opens: the holder's full record, the ID number and birth date unmasked, with each of their
 * issued certificates and whether it is valid.
 *
 * @param expiresAt when the code stops working
 */
public record SharedRecord(String name, String idNumber, String gender, LocalDate birthDate, Instant expiresAt,
                           List<SharedTitle> certificates) {

    /** One issued certificate of the holder. */
    public record SharedTitle(String certificateNumber, String titleName, String level, String series,
                              String specialty, String employer, String committee, String issuingAuthority,
                              LocalDate qualificationDate, LocalDate issueDate, org.titlecert.certificate.Validity status,
                              String revokedReason, int version) {
    }
}
