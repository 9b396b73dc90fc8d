/**
 * The platform's metrics: instruments that bundles record into, and what operators read (Prometheus text, the
 * dashboard's series). No metrics library type appears here.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titlecert.metrics;
