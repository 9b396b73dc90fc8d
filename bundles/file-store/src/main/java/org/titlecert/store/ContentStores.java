package org.titlecert.store;

/**
 * The platform's file store, shared by every node: local folders by default, or S3-compatible object storage
 * ({@code type} in {@code etc/org.titlecert.store.cfg}). Exactly one implementation is registered, the one
 * that configuration names.
 */
public interface ContentStores {

    /** An area of the store, e.g. {@code area("certificates", ".pdf")}. */
    ContentStore area(String name, String extension);

    /** Where the files are, for operators: a folder, or an endpoint and bucket. */
    String location();

    /**
     * Holds every area's deletions until the hold is closed, so that a backup finds each file that its database
     * snapshot refers to. Deletions this node makes are held; with a store shared by several nodes, back up
     * the database and the store as {@code docs/deployment.md} describes.
     */
    DeletionHold.Hold holdDeletions();
}
