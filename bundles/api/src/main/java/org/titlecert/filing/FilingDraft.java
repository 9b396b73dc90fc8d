package org.titlecert.filing;

/**
 * What a unit submits to create or change a pending filing. The organizing unit is the committee's.
 */
public record FilingDraft(String name, String approvalNumber, Integer year, FilingType type,
                          Long committeeId, Long issuingAuthorityId) {
}
