package org.titlecert.audit;

import java.time.Instant;

import org.titlecert.api.PageRequest;

/** Filters for reading the audit log; {@code null} means any. Newest first. */
public record AuditQuery(String actor, String action, Outcome outcome, Instant from, Instant to, PageRequest page) {
}
