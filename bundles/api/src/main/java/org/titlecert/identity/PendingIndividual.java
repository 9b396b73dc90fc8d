package org.titlecert.identity;

import java.time.Instant;

/** A self-registered individual whose ID number a unit has not yet confirmed (等待单位审核). */
public record PendingIndividual(long accountId, String realName, String idNumber, String mobile,
                                Instant registeredAt) {
}
