package org.titlecert.identity;

import java.time.Instant;

/**
 * A self-registered individual whose ID number a unit has not yet confirmed (等待单位审核).
 *
 * @param employerUnitId the unit the person chose on the form (所在单位), null for "否"
 * @param onRoster       whether the person is on any roster of the asking admin's unit (在本单位名单中), so that the
 *                       admin knows what they vouch for; always true for system admins' view of nobody's unit
 */
public record PendingIndividual(long accountId, String realName, String idNumber, String mobile,
                                Instant registeredAt, Long employerUnitId, boolean onRoster) {
}
