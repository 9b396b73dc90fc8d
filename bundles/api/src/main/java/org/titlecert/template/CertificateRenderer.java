package org.titlecert.template;

import org.osgi.annotation.versioning.ConsumerType;

/** Draws certificates; used by one thread at a time. */
@ConsumerType
public interface CertificateRenderer extends AutoCloseable {

    /**
     * Renders one certificate as a complete PDF.
     *
     * @throws TemplateException when this content cannot be drawn faithfully, e.g. a character that no
     *                           font of the template has; the certificate is then marked failed with the reason
     */
    RenderedCertificate render(CertificateContent content) throws TemplateException;

    @Override
    void close();
}
