package org.titlecert.seal;

import java.time.Instant;

/** Who a seal's signing certificate names, and when it is valid. */
public record SealIdentity(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter) {

    /** What a signing certificate names. */
    public static SealIdentity of(java.security.cert.X509Certificate c) {
        return new SealIdentity(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }
}
