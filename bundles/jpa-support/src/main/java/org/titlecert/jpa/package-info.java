/**
 * Resource-local JPA transactions for the domain bundles, each of which owns a persistence unit, and the versioned
 * schema that each brings up to date before using it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.titlecert.jpa;
