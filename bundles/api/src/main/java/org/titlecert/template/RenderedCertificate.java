package org.titlecert.template;

import java.util.List;

/**
 * A rendered certificate and where its seals and QR code are.
 *
 * @param pdf       the complete document: a PDF, or an OFD package from a template of that {@link CertificateTemplate#FORMAT}
 * @param sealAreas the places reserved for seals, at most one per role
 * @param qrArea    the QR code with its quiet zone, which nothing else may cover; {@code null} if the
 *                  template prints none
 */
public record RenderedCertificate(byte[] pdf, List<SealArea> sealAreas, Area qrArea) {

    public RenderedCertificate {
        sealAreas = List.copyOf(sealAreas);
    }

    /** The area reserved for a role's seal, if the template has one. */
    public java.util.Optional<Area> sealArea(SealRole role) {
        return sealAreas.stream().filter(a -> a.role() == role).map(SealArea::area).findFirst();
    }
}
