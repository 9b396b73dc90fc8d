package org.titlecert.filing;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;

/**
 * Approval filings (批复备案) and their rosters. Every method is scoped to the caller:
 * a unit admin sees and changes only its own unit's filings, and other units' filings
 * are answered as not found.
 */
@ProviderType
public interface FilingService {

    /** Event topic posted after a filing is approved, with property {@code filingId}. */
    String TOPIC_APPROVED = "org/titlecert/filing/APPROVED";

    Page<Filing> find(Caller caller, FilingQuery query);

    /** @throws org.titlecert.api.TitleCertException {@code FILING_NOT_FOUND} if absent or out of scope */
    Filing get(Caller caller, long id);

    Filing create(Caller caller, FilingDraft draft);

    /** Changes a pending filing; approved and rejected filings are read-only. */
    Filing update(Caller caller, long id, FilingDraft draft);

    /**
     * Approves a pending filing that has an approval document and a non-empty roster.
     *
     * @param approvalDate the date of the approval document (批复日期), printed on certificates as the
     *                     issue date; {@code null} for today; never in the future
     */
    Filing approve(Caller caller, long id, java.time.LocalDate approvalDate);

    Filing reject(Caller caller, long id, String reason);

    /**
     * Imports a roster from CSV (UTF-8 or GBK) or XLSX, detected by content.
     * All or nothing: any bad row rejects the whole file with {@code ROSTER_INVALID}
     * and one violation per bad cell. Importing the same file again changes nothing.
     */
    ImportReport importRoster(Caller caller, long filingId, byte[] content, ImportMode mode);

    Page<RosterEntry> roster(Caller caller, long filingId, PageRequest page);

    /**
     * The titles of approved filings held by a person: for an individual their own (none until their ID
     * number is verified); for an admin those of a person on its unit's rosters.
     */
    java.util.List<PersonTitle> titles(Caller caller, long personId);

    /** Every title of an approved filing, in roster order, for a scoped admin. */
    java.util.List<PersonTitle> filingTitles(Caller caller, long filingId);

    /** One title, by roster entry, for its holder or a scoped admin. */
    PersonTitle title(Caller caller, long rosterEntryId);

    /**
     * Checks a correction of a roster entry of an approved filing by the roster's own rules, for an admin in scope.
     * Changes nothing.
     *
     * @return the entry as it would be
     * @throws org.titlecert.api.TitleCertException {@code CORRECTION_INVALID} with one violation per bad field,
     *                                              {@code NOTHING_TO_CORRECT} if it changes nothing
     */
    RosterEntry checkCorrection(Caller caller, long rosterEntryId, RosterChange change);

    /**
     * Applies an approved correction (system admins): the entry's previous values are kept as its history under
     * {@code reference}. Applying the same reference again changes nothing.
     */
    RosterEntry correct(Caller caller, long rosterEntryId, RosterChange change, String reference);

    /** Stores the approval document, a PDF checked by content and size. */
    DocumentInfo putApprovalDocument(Caller caller, long filingId, String filename, InputStream content);

    /** @throws org.titlecert.api.TitleCertException {@code DOCUMENT_NOT_FOUND} if none was uploaded */
    Document approvalDocument(Caller caller, long filingId);
}
