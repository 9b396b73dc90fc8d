package org.titlecert.filing.internal;

import java.util.List;
import java.util.Set;

/**
 * A roster file read into text cells, before validation.
 *
 * @param header   the header cells, row 1
 * @param rows     the data rows, skipping blank ones
 * @param encoding the character set of a CSV, else {@code null}
 */
record RosterTable(String format, String encoding, List<String> header, List<Line> rows) {

    /**
     * One data row and its row number as a spreadsheet shows it (the header is row 1).
     *
     * @param numeric the indexes of cells stored as numbers in a spreadsheet
     */
    record Line(int row, List<String> cells, Set<Integer> numeric) {

        Line(int row, List<String> cells) {
            this(row, cells, Set.of());
        }

        String cell(int index) {
            return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
        }
    }
}
