/**
 * Content-addressed files: named by their SHA-256, written atomically.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titlecert.store;
