package org.titlecert.identity;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/** API keys for external systems, sent as {@code Authorization: Bearer <key>}; managed by system admins. */
@ProviderType
public interface ApiKeyService {

    /** Makes a key for a unit, or for the system when {@code unitId} is null. Returns the key, once. */
    NewSecret create(Caller caller, String label, Long unitId, Set<String> scopes);

    List<ApiKey> list(Caller caller);

    void revoke(Caller caller, long id);
}
