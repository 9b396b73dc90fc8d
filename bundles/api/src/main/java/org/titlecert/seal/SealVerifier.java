package org.titlecert.seal;

import org.osgi.annotation.versioning.ProviderType;

/** Checks the seals (signatures) of a PDF against the seal certificates this platform trusts. */
@ProviderType
public interface SealVerifier {

    SealReport verify(byte[] pdf);
}
