/**
 * Resource-local JPA transactions for the domain bundles, each of which owns a persistence unit.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titlecert.jpa;
