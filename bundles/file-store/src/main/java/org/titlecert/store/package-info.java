/**
 * The platform's file store: content-addressed files (named by their SHA-256), written atomically, in areas.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.titlecert.store;
