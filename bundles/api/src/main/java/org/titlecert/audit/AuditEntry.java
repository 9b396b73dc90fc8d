package org.titlecert.audit;

import java.time.Instant;

/**
 * One line of the audit log. ID numbers in {@code target} and {@code detail} are masked.
 *
 * @param actor   the account, API key or login name that acted; {@code anonymous} when unknown
 * @param role    the actor's role, or {@code null}
 * @param address the client's network address
 * @param action  what was done, e.g. {@code LOGIN}, {@code ROSTER_IMPORT}, {@code FILING_APPROVE}
 * @param target  what it was done to, e.g. {@code filing:12}
 */
public record AuditEntry(long id, Instant at, String actor, String role, String address, String action,
                         String target, Outcome outcome, String detail) {
}
