package org.titlecert.identity;

import java.time.Instant;

import org.titlecert.api.Role;

/** A 管理人员 account: a system admin, or a unit admin bound to one organizing unit. */
public record AdminAccount(long id, String login, String displayName, Role role, Long unitId, boolean enabled,
                           Instant createdAt, Instant lastLoginAt) {
}
