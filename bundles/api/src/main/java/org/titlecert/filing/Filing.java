package org.titlecert.filing;

import java.time.Instant;

/**
 * An approval filing (批复备案): one evaluation round's results, approved by the
 * approval document (批复文件) that carries the approval number (批复文号).
 *
 * @param approvalDocument {@code null} until one is uploaded
 * @param rosterSize       how many people the roster holds
 * @param decisionNote     the reason given for a rejection, else {@code null}
 * @param approvalDate     the date of the approval document once approved (批复日期), else {@code null}
 */
public record Filing(long id, String name, String approvalNumber, int year, FilingType type, FilingStatus status,
                     Ref unit, Ref committee, Ref issuingAuthority, DocumentInfo approvalDocument, long rosterSize,
                     String decisionNote, java.time.LocalDate approvalDate, Instant createdAt, Instant updatedAt,
                     Instant decidedAt) {

    public boolean editable() {
        return status == FilingStatus.PENDING;
    }
}
