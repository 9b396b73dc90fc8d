package org.titlecert.verification;

import java.time.Instant;

/**
 * One check of a holder's certificate.
 *
 * @param organization the verifier organisation, when a verifier account or a share code named one; else {@code null}
 */
public record CheckRecord(Instant at, String certificateNumber, String titleName, CheckChannel channel,
                          String organization) {
}
