package org.titlecert.api;

/** What a caller may do; scoping by unit or person comes from {@link Caller}. */
public enum Role {
    /** Manages units, admins, API keys, templates and seals; sees everything. */
    SYSTEM_ADMIN,
    /** Bound to one organizing unit; sees and changes only that unit's records. */
    UNIT_ADMIN,
    /** A person; sees only their own records. */
    INDIVIDUAL
}
