package org.titlecert.template;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A certificate layout, registered as an OSGi service with the properties {@link #REGION}, {@link #ID},
 * {@link #FORMAT} and {@code service.ranking}.
 */
@ConsumerType
public interface CertificateTemplate {

    /** Service property: the region code the template serves, e.g. {@code 34}, or {@code *} for any. */
    String REGION = "cert.region";

    /** Service property: the template's id, also returned by {@link #id()}. */
    String ID = "template.id";

    /**
     * Service property: the document format the template renders, {@link #PDF} (also when the property is absent) or
     * {@link #OFD}; {@link RenderedCertificate#pdf()} then holds a document of that format.
     */
    String FORMAT = "cert.format";

    /** {@link #FORMAT}: PDF (ISO 32000). */
    String PDF = "pdf";

    /** {@link #FORMAT}: OFD (GB/T 33190), the national format for electronic documents. */
    String OFD = "ofd";

    String id();

    /**
     * Changes whenever the template would draw the same content differently (a new bundle version, a new
     * heading in its configuration): certificates made with another revision are generated again.
     */
    String revision();

    /**
     * A renderer for one worker thread. It loads fonts and images once and is then used for many
     * certificates, by one thread at a time; the engine closes it when the template goes away.
     */
    CertificateRenderer newRenderer();
}
