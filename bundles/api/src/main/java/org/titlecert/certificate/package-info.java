/**
 * Electronic title certificates (电子职称证书): records, generation, download, export and public verification.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.6.0")
package org.titlecert.certificate;
