package org.titlecert.filing;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The registry's persons, identified by resident ID number; other bundles link to them by id. */
@ProviderType
public interface PersonDirectory {

    /** The person id for a valid ID number, creating the person if the registry does not know it yet. */
    long personId(String idNumber);

    Optional<Long> find(String idNumber);

    /** True if the person appears in a roster of one of the unit's filings. */
    boolean inRosterOfUnit(long personId, long unitId);
}
