package org.titlecert.identity;

import java.util.Collection;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * The contacts of persons who have an account: for the platform's notices (system callers) and for a unit chasing
 * its own people (persons on its approved filings). Persons without an account, or out of the caller's scope, are
 * absent from the answer.
 */
@ProviderType
public interface ContactDirectory {

    Map<Long, Contact> contacts(Caller caller, Collection<Long> personIds);
}
