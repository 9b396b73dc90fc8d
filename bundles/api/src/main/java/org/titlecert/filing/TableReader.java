package org.titlecert.filing;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads an uploaded list the way rosters are read: XLSX, or CSV in UTF-8 or GBK, told by content, with the same
 * limits (rows, inflated size) and the same Chinese errors ({@code ROSTER_*}) for what cannot be read.
 */
@ProviderType
public interface TableReader {

    /** The file's first sheet: its header (row 1) and its data rows, blank rows skipped, at most {@code maxRows}. */
    Table read(byte[] content, int maxRows);

    /** A list read into text cells. */
    record Table(List<String> header, List<Line> rows) {

        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** A data row, numbered as a spreadsheet shows it (the header is row 1). */
    record Line(int row, List<String> cells) {

        public Line {
            cells = List.copyOf(cells.stream().map(c -> c == null ? "" : c.strip()).toList());
        }

        /** The cell at {@code index}, or empty. */
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }
    }
}
