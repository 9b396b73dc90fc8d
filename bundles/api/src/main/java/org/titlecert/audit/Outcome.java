package org.titlecert.audit;

/** How an audited action ended. */
public enum Outcome {
    SUCCESS, FAILURE, DENIED
}
