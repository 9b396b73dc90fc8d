/**
 * Cross-cutting API types: the caller, paging, errors and the resident ID number.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.9.0")
package org.titlecert.api;
