package org.titlecert.certificate;

import java.time.Instant;
import java.util.List;

/**
 * A correction (更正) of a certificate's data: asked for by the filing's unit with evidence, decided by the
 * supervising department (a system admin). On approval the roster entry changes and the certificate is generated
 * again as a new version under the same number.
 *
 * @param detail       the requester's explanation: internal, never shown publicly
 * @param evidenceName the evidence PDF's file name, {@code null} until it is uploaded
 * @param decisionNote the decider's note (required for a rejection); internal
 * @param version      the certificate version the correction produced, 0 until it is generated
 */
public record Correction(long id, long certificateId, String certificateNumber, long filingId, String personName,
                         CorrectionReason reason, String detail, List<FieldChange> changes, String evidenceName,
                         long evidenceSize, CorrectionStatus status, String requestedBy, Instant requestedAt,
                         String decidedBy, Instant decidedAt, String decisionNote, int version) {
}
