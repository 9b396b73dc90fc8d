package org.titlecert.api;

/**
 * One rule a submitted value breaks: a form field, or a cell of an imported file.
 *
 * @param row    1-based data row of an imported file (the header is row 1), or {@code null} for a form
 * @param column the column header or form field
 * @param reason why, in Chinese, for the person who has to fix it
 */
public record Violation(Integer row, String column, String reason) {

    public static Violation field(String field, String reason) {
        return new Violation(null, field, reason);
    }
}
