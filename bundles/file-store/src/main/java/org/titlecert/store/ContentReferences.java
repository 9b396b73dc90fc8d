package org.titlecert.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which files of an area the rows of a bundle refer to, registered by each bundle that keeps files: a backup
 * copies exactly the files that the rows of its database snapshot refer to, and checks each against its name.
 */
@ConsumerType
public interface ContentReferences {

    /** The area, as given to {@link ContentStores#area}. */
    String area();

    /** The file name suffix of the area, as given to {@link ContentStores#area}. */
    String extension();

    /**
     * SQL over the bundle's own tables giving one column, the SHA-256 of each file its rows refer to (nulls and
     * repeats are ignored).
     */
    String query();
}
