package org.titlecert.seal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks the seals (signatures) of a document against the seal certificates this platform trusts: a PDF's PAdES
 * signatures, or, for a verifier registered with {@link #FORMAT}{@code =ofd}, an OFD's electronic seals (GB/T 38540).
 */
@ProviderType
public interface SealVerifier {

    /** Service property: the format checked, {@code pdf} (also when absent) or {@code ofd}. */
    String FORMAT = "seal.format";

    SealReport verify(byte[] document);
}
