package org.titlecert.certificate;

/**
 * One field of a correction: its value before and the value asked for (dates as {@code yyyy-MM-dd}).
 */
public record FieldChange(CorrectedField field, String from, String to) {
}
