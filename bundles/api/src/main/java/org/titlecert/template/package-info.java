/**
 * The certificate template SPI. A template is an OSGi service; the certificate engine picks, for each
 * certificate at generation time, the highest-ranked template whose {@code cert.region} matches the
 * certificate's region (or is {@code *}), so installing or removing a template bundle takes effect at once.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.titlecert.template;
