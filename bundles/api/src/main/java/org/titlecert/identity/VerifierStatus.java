package org.titlecert.identity;

/** Where a 查验单位's registration stands. */
public enum VerifierStatus {
    /** Applied; waits for a system admin. Its account cannot log in yet. */
    PENDING,
    /** Approved: its account logs in and checks certificates. */
    APPROVED,
    /** Refused, or its approval withdrawn (停用), with the reason; its account cannot log in. */
    REJECTED
}
