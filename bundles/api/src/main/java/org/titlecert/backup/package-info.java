/**
 * Online backups of the platform: its database and the files its rows refer to, taken while it serves.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titlecert.backup;
