package org.titlecert.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An API key for an external system, bound to an organizing unit or to the whole platform.
 *
 * @param prefix the first characters of the key, to recognise it; the key itself is stored hashed
 * @param unitId the unit it acts for, or {@code null} for a system key
 */
public record ApiKey(long id, String label, String prefix, Long unitId, Set<String> scopes, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }
}
