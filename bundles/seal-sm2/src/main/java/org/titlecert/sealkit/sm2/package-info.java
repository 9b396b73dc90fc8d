/**
 * Makes SM2 seal material (GB/T 38540): an SM2 seal certification authority, SM2 signing certificates, and electronic
 * seals (电子印章, SESeal v4) made by a seal maker for a signer. For demo data, tests and a province's first steps; a
 * province in production takes its seals from its seal authority.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titlecert.sealkit.sm2;
