package org.titlecert.audit;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;

/**
 * Records who did what. Values are stored with ID numbers masked and line breaks escaped,
 * so that no value can hide a person's ID or forge another entry.
 */
@ProviderType
public interface AuditLog {

    /** Records an action of a known caller. */
    void record(Caller caller, String action, String target, Outcome outcome, String detail);

    /** Records an action whose actor is not (yet) authenticated, such as a failed login. */
    void recordAnonymous(String actor, String address, String action, String target, Outcome outcome,
                         String detail);

    /** System admins (or keys with the audit scope) read the log. */
    Page<AuditEntry> find(Caller caller, AuditQuery query);

    /**
     * Every entry the query selects (its page is ignored), oldest first, as CSV for an audit (等保): UTF-8 with a
     * byte order mark, so that spreadsheet programs read the Chinese; a header row; any cell a spreadsheet would
     * take for a formula starts with an apostrophe. The same callers as {@link #find}, checked now; the entries
     * are written when the export is, and the export is itself recorded.
     */
    Export export(Caller caller, AuditQuery query);

    /** An export allowed and ready to write. */
    @FunctionalInterface
    interface Export {
        /** Writes the CSV; returns how many entries it holds. */
        long writeTo(OutputStream out) throws IOException;
    }
}
