package org.titlecert.seal;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Which seal provider serves which issuer, now. */
@ProviderType
public interface SealRegistry {

    /** The provider that seals for this code (a committee's or authority's), or else for its region. */
    Optional<SealProvider> provider(String issuerCode, String region);

    /** Every committee and issuing authority with the provider that seals for it, if any. */
    List<IssuerSeal> issuers();

    /**
     * An issuer and its seal.
     *
     * @param kind     {@code COMMITTEE} or {@code ISSUING_AUTHORITY}
     * @param provider the provider's id, or {@code null} when the issuer has no e-seal (certificates are unsealed)
     * @param identity the signing certificate, or {@code null}
     * @param ofdProvider the provider of its SM2 seal on the OFD ({@value SealProvider#FORMAT} {@code ofd}), or
     *                    {@code null} when it has none
     * @param ofdIdentity the SM2 seal's signing certificate, or {@code null}
     */
    record IssuerSeal(String kind, String code, String name, String provider, SealIdentity identity,
                      String ofdProvider, SealIdentity ofdIdentity) {

        /** An issuer without an OFD seal. */
        public IssuerSeal(String kind, String code, String name, String provider, SealIdentity identity) {
            this(kind, code, name, provider, identity, null, null);
        }
    }
}
