/**
 * The audit log: who did what, when, from where, and how it ended.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.titlecert.audit;
