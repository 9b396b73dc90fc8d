package org.titlecert.certificate;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.filing.RosterChange;

/**
 * Corrections (更正) of issued certificates. A unit admin asks for one on a certificate of its unit's filing; a
 * system admin (the supervising department) approves or rejects it in the 更正审核 list. Every method is scoped to
 * the caller: a unit admin sees its own unit's corrections, a system admin all; anything else is not found.
 */
@ProviderType
public interface CorrectionService {

    /**
     * 申请更正: the fields to change, the reason from the fixed list, an explanation (up to 500 characters) and
     * the evidence PDF, which may also follow by {@link #putEvidence}. The change is checked by the roster's rules
     * at once; a certificate has at most one pending correction, and a revoked one none.
     *
     * @param evidence {@code null} to upload it afterwards; a correction is decided only with its evidence
     */
    Correction request(Caller caller, long certificateId, RosterChange change, CorrectionReason reason,
                       String detail, String evidenceName, InputStream evidence);

    /** Stores (or replaces) a pending correction's evidence PDF, for the unit that asked. */
    Correction putEvidence(Caller caller, long id, String fileName, InputStream evidence);

    /** The corrections in scope, newest first; {@code status} and {@code certificateId} ({@code 0}) filter. */
    Page<Correction> find(Caller caller, CorrectionStatus status, long certificateId, PageRequest page);

    Correction get(Caller caller, long id);

    CorrectionEvidence evidence(Caller caller, long id);

    /**
     * Approves a pending correction that has its evidence (system admins): the roster entry changes, keeping its previous values as
     * history, and the certificate is generated again as a new version; the one before becomes superseded.
     */
    Correction approve(Caller caller, long id, String note);

    /** Rejects a pending correction (system admins), with the reason (required) for the unit. */
    Correction reject(Caller caller, long id, String note);
}
