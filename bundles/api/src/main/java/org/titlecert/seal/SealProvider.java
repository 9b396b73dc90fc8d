package org.titlecert.seal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Applies one issuer's seal to a PDF: a visible seal image and a PAdES signature, as an incremental
 * update that leaves earlier signatures intact. Registered with {@link #ISSUER} and {@code service.ranking}.
 */
@ConsumerType
public interface SealProvider {

    /** Service property: the committee or issuing-authority code this provider seals for, or a region code. */
    String ISSUER = "seal.issuer";

    /** Identifies the provider, e.g. {@code pkcs12:AHKJGP}. */
    String id();

    /** Changes whenever the seal would come out differently (another key, another image). */
    String revision();

    /** The signing certificate, for people to see who seals. */
    SealIdentity identity();

    /**
     * Seals the PDF.
     *
     * @throws SealException when the seal cannot be applied (a key that no longer opens, a timestamp
     *                       server that does not answer); the message is Chinese and shown to admins
     */
    byte[] seal(byte[] pdf, SealPlacement placement) throws SealException;
}
