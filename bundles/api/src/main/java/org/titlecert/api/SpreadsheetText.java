package org.titlecert.api;

/** Values written into CSV files that people open in spreadsheet programs. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * The value as text a spreadsheet shows and never runs: one starting with {@code = + - @}, a tab or a carriage
     * return (what spreadsheets take for a formula, the way into CSV injection) gets a leading apostrophe.
     */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
