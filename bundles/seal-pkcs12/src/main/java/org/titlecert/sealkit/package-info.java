/**
 * Making seals: a seal certification authority, PKCS#12 seal keystores and seal images. For demo data,
 * tests and the first steps of a province that has no seal infrastructure yet; production seals come from
 * the province's own CA.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titlecert.sealkit;
