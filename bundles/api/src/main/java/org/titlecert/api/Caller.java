package org.titlecert.api;

import java.util.Objects;

/**
 * Who is asking. Every domain service takes the caller and scopes what it returns,
 * so that REST, the web UI and shell commands are held to the same rules.
 *
 * @param principal account login or API key id, recorded in the audit log
 * @param role      what the caller may do
 * @param unitId    the organizing unit of a {@link Role#UNIT_ADMIN}, else {@code null}
 * @param personId  the person of an {@link Role#INDIVIDUAL}, else {@code null}
 */
public record Caller(String principal, Role role, Long unitId, Long personId) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
        if (role == Role.UNIT_ADMIN && unitId == null) {
            throw new IllegalArgumentException("a unit admin needs a unit");
        }
        if (role == Role.INDIVIDUAL && personId == null) {
            throw new IllegalArgumentException("an individual needs a person");
        }
    }

    public static Caller system(String principal) {
        return new Caller(principal, Role.SYSTEM_ADMIN, null, null);
    }

    public static Caller unitAdmin(String principal, long unitId) {
        return new Caller(principal, Role.UNIT_ADMIN, unitId, null);
    }

    public static Caller individual(String principal, long personId) {
        return new Caller(principal, Role.INDIVIDUAL, null, personId);
    }

    public boolean isSystem() {
        return role == Role.SYSTEM_ADMIN;
    }

    /** True if this caller may see and change records of the given unit. */
    public boolean mayManageUnit(long unit) {
        return role == Role.SYSTEM_ADMIN || (role == Role.UNIT_ADMIN && unitId == unit);
    }
}
