/**
 * Verification for employers and the holder's privacy centre: lookups by certificate number and name, every
 * public check recorded for the holder (查验记录), and the holder's share codes (授权码) that open the full record.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.titlecert.verification;
