package org.titlecert.api;

/** What a caller may do; scoping by unit or person comes from {@link Caller}. */
public enum Role {
    /** Manages units, admins, API keys, templates and seals; sees everything. */
    SYSTEM_ADMIN,
    /** Bound to one organizing unit; sees and changes only that unit's records. */
    UNIT_ADMIN,
    /** A person; sees only their own records. */
    INDIVIDUAL,
    /**
     * An employer's account (查验单位), approved by a system admin: checks certificates, in batches too, and uses the
     * share codes holders give it; never reaches a unit's or a person's records.
     */
    VERIFIER
}
