package org.titlecert.verification;

import java.util.List;

/**
 * The verdict on one row of a list, or one PDF of a ZIP.
 *
 * @param row               the row as the spreadsheet numbers it (the header is row 1), the position in a JSON
 *                          list (from 1), or the file's position in the ZIP
 * @param source            the PDF's name in the ZIP; {@code null} for a row
 * @param certificateNumber as given, or as found for a file
 * @param name              as given, or as found for a file
 * @param maskedIdNumber    the ID number given (or found), masked
 * @param mismatched        the fields that differ (姓名, 身份证号), for {@link Verdict#MISMATCH}
 * @param titleName         the title of the certificate found, if one was
 * @param version           the version the file is, for a file; the current version for a row; null if none found
 * @param detail            one sentence in Chinese that says what was found
 */
public record BatchResult(int row, String source, String certificateNumber, String name, String maskedIdNumber,
                          Verdict verdict, List<String> mismatched, String titleName, Integer version,
                          String detail) {

    public BatchResult {
        mismatched = mismatched == null ? List.of() : List.copyOf(mismatched);
    }
}
