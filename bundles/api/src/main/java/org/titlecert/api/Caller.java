package org.titlecert.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, and from where. Every domain service takes the caller and scopes what it returns,
 * so that REST, the web UI and shell commands are held to the same rules.
 *
 * @param principal account login or API key id, recorded in the audit log
 * @param role      what the caller may do
 * @param unitId    the organizing unit of a {@link Role#UNIT_ADMIN}; for an {@link Role#INDIVIDUAL} whose ID
 *                  number a unit admin confirmed (rather than the government SSO or a system admin), the unit
 *                  that vouched for them, whose records alone they hold; else {@code null}
 * @param personId  the person of an {@link Role#INDIVIDUAL} whose ID number is verified, else {@code null}:
 *                  an individual not linked yet sees no records
 * @param scopes    what an API key may do (see {@link Scopes}); empty means all the role allows
 * @param address   the client's network address, for the audit log; {@code null} inside the platform
 */
public record Caller(String principal, Role role, Long unitId, Long personId, Set<String> scopes, String address) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        if (role == Role.UNIT_ADMIN && unitId == null) {
            throw new IllegalArgumentException("a unit admin needs a unit");
        }
    }

    public static Caller system(String principal) {
        return new Caller(principal, Role.SYSTEM_ADMIN, null, null, Set.of(), null);
    }

    public static Caller unitAdmin(String principal, long unitId) {
        return new Caller(principal, Role.UNIT_ADMIN, unitId, null, Set.of(), null);
    }

    public static Caller individual(String principal, long personId) {
        return new Caller(principal, Role.INDIVIDUAL, null, personId, Set.of(), null);
    }

    public Caller from(String clientAddress) {
        return new Caller(principal, role, unitId, personId, scopes, clientAddress);
    }

    public boolean isSystem() {
        return role == Role.SYSTEM_ADMIN;
    }

    /** True for a system or unit admin; never for an individual or a verifier. */
    public boolean isAdmin() {
        return role == Role.SYSTEM_ADMIN || role == Role.UNIT_ADMIN;
    }

    public boolean isVerifier() {
        return role == Role.VERIFIER;
    }

    /** True if this caller may see and change records of the given unit. */
    public boolean mayManageUnit(long unit) {
        return role == Role.SYSTEM_ADMIN || (role == Role.UNIT_ADMIN && unitId == unit);
    }

    /**
     * True if this caller is the individual who holds a record of the person on a filing of the unit. An
     * individual vouched for by a unit admin holds only that unit's records.
     */
    public boolean isHolder(long person, long unit) {
        return role == Role.INDIVIDUAL && personId != null && personId == person && (unitId == null || unitId == unit);
    }

    /** True unless this caller is an API key without the scope. */
    public boolean hasScope(String scope) {
        return scopes.isEmpty() || scopes.contains(scope);
    }
}
