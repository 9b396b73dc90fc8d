package org.titlecert.filing;

/** How an imported roster combines with the roster already on file. */
public enum ImportMode {
    /** Add new people and update changed ones; keep people missing from the file. */
    MERGE,
    /** Make the roster exactly the file: also remove people missing from it. */
    REPLACE
}
