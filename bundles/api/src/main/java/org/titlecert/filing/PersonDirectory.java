package org.titlecert.filing;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The registry's persons, identified by resident ID number; other bundles link to them by id. */
@ProviderType
public interface PersonDirectory {

    /** The person id for a valid ID number, creating the person if the registry does not know it yet. */
    long personId(String idNumber);

    Optional<Long> find(String idNumber);

    /** True if the person appears in a roster of one of the unit's filings that is not rejected. */
    boolean inRosterOfUnit(long personId, long unitId);

    /**
     * True if the unit may read the person's data (photo, titles): the person is on one of the unit's
     * approved filings, which the supervising department has checked. A pending roster is only the
     * unit's claim, and opens nothing.
     */
    boolean unitMayRead(long personId, long unitId);

    /**
     * True if the unit may change what the person's certificates carry (the photo), or vouch for the
     * person's account: every approved filing that holds the person is the unit's; or, while the person is
     * on no approved filing, every roster that holds them is. Nothing one unit does can then change a
     * certificate issued on another unit's filing.
     */
    boolean unitMayWrite(long personId, long unitId);
}
