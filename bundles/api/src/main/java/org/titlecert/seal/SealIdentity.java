package org.titlecert.seal;

import java.time.Instant;

/** Who a seal's signing certificate names, and when it is valid. */
public record SealIdentity(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter) {
}
