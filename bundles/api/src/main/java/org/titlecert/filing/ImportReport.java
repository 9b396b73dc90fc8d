package org.titlecert.filing;

/**
 * The outcome of an accepted roster import. A rejected import changes nothing and
 * fails with {@code ROSTER_INVALID} and one violation per bad cell instead.
 *
 * @param rows      data rows read
 * @param inserted  people added to the roster
 * @param updated   people whose qualification changed
 * @param unchanged people already on file exactly as in the file
 * @param removed   people removed ({@link ImportMode#REPLACE} only)
 * @param format    {@code CSV} or {@code XLSX}
 * @param encoding  the character set a CSV was read in, else {@code null}
 */
public record ImportReport(int rows, int inserted, int updated, int unchanged, int removed, String format,
                           String encoding) {
}
