package org.titlecert.verification;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;

/**
 * 批量核验 for 查验单位: a list of 证书编号, 姓名 and 身份证号 (JSON, XLSX or CSV), or a ZIP of certificate PDFs,
 * checked row by row into a stored 核验报告. Only an approved verifier's account may check; each certificate found
 * shows in its holder's 查验记录 with the verifier's name.
 */
@ProviderType
public interface BatchVerification {

    /** Checks the rows and stores the report. */
    BatchReport checkRows(Caller verifier, java.util.List<BatchRow> rows);

    /**
     * Checks an uploaded file: an XLSX or CSV list with the columns 证书编号, 姓名 and (optionally) 身份证号, or a ZIP
     * of certificate PDFs, each recognised by its SHA-256 over every version ever issued.
     */
    BatchReport checkFile(Caller verifier, byte[] content);

    /** The calling verifier's reports, newest first, without their rows. */
    Page<BatchReport> reports(Caller verifier, PageRequest page);

    /** One of the calling verifier's reports, with every row. */
    BatchReport report(Caller verifier, long id);

    /** The report's rows as an XLSX workbook. */
    byte[] xlsx(Caller verifier, long id);

    /** The 核验报告 as a PDF: number, date, verifier, counts, every row, and the QR code of {@code /r/{token}}. */
    byte[] pdf(Caller verifier, long id);

    /** The report behind a QR token, for anyone: names and ID numbers masked. */
    Optional<BatchReport> publicReport(String token);
}
