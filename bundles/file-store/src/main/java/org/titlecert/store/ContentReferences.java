package org.titlecert.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which files of an area the rows of a bundle refer to, registered by each bundle that keeps files (a DS component
 * extending this class): a backup copies exactly the files that the rows of its database snapshot refer to, and
 * checks each against its name.
 */
@ConsumerType
public abstract class ContentReferences {

    private final String area;
    private final String extension;
    private final String query;

    /**
     * @param area      the area, as given to {@link ContentStores#area}
     * @param extension the file name suffix of the area, as given to {@link ContentStores#area}
     * @param query     SQL over the bundle's own tables giving one column, the SHA-256 of each file its rows refer
     *                  to (nulls and repeats are ignored)
     */
    protected ContentReferences(String area, String extension, String query) {
        this.area = area;
        this.extension = extension;
        this.query = query;
    }

    public final String area() {
        return area;
    }

    public final String extension() {
        return extension;
    }

    public final String query() {
        return query;
    }
}
