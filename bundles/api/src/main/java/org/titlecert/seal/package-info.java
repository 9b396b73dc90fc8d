/**
 * Electronic seals (电子印章): the seal provider SPI, and the verification of sealed PDFs. A provider is an
 * OSGi service for one issuer (a committee's or issuing authority's code, or a region); the certificate
 * engine seals each certificate with the best provider for its committee and for its issuing authority.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.titlecert.seal;
