package org.titlecert.seal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Applies one issuer's seal to a certificate document of its {@link #FORMAT}: to a PDF, a visible seal image and a
 * PAdES signature, as an incremental update that leaves earlier signatures intact; to an OFD, an electronic seal of
 * GB/T 38540 (SM2/SM3), which leaves earlier seals intact too. Registered with {@link #ISSUER}, {@link #FORMAT} and
 * {@code service.ranking}.
 */
@ConsumerType
public interface SealProvider {

    /** Service property: the committee or issuing-authority code this provider seals for, or a region code. */
    String ISSUER = "seal.issuer";

    /**
     * Service property: the format of the documents the provider seals, {@code pdf} (also when the property is
     * absent) or {@code ofd}, as {@code org.titlecert.template.CertificateTemplate#FORMAT} names them.
     */
    String FORMAT = "seal.format";

    /** Identifies the provider, e.g. {@code pkcs12:AHKJGP}. */
    String id();

    /** Changes whenever the seal would come out differently (another key, another image). */
    String revision();

    /** The signing certificate, for people to see who seals. */
    SealIdentity identity();

    /**
     * Seals the document (a PDF, or an OFD for a provider of that format).
     *
     * @throws SealException when the seal cannot be applied (a key that no longer opens, a timestamp
     *                       server that does not answer); the message is Chinese and shown to admins
     */
    byte[] seal(byte[] document, SealPlacement placement) throws SealException;
}
