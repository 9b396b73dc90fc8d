package org.titlecert.audit;

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
}
