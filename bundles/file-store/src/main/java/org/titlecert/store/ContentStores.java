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
}
