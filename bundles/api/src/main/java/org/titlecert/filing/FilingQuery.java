package org.titlecert.filing;

import org.titlecert.api.PageRequest;

/**
 * Filters for the filing list; {@code null} means "any".
 *
 * @param name           substring of the filing name
 * @param approvalNumber substring of the approval number
 * @param sort           a field name, optionally prefixed by {@code -} for descending:
 *                       {@code id, name, approvalNumber, year, type, status, createdAt}
 */
public record FilingQuery(String name, String approvalNumber, Integer year, FilingType type, FilingStatus status,
                          Long unitId, String sort, PageRequest page) {

    public static FilingQuery all(PageRequest page) {
        return new FilingQuery(null, null, null, null, null, null, null, page);
    }
}
