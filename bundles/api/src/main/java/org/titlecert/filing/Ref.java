package org.titlecert.filing;

/** A reference to an organizing unit, committee or issuing authority. */
public record Ref(long id, String code, String name) {
}
