package org.titlecert.seal;

import java.time.Instant;

/**
 * One seal of a PDF.
 *
 * @param signer      the signing certificate's subject (its common name where it has one)
 * @param signingTime from the RFC 3161 timestamp if there is one, else the time the signer claims
 * @param timestamped true if an RFC 3161 timestamp vouches for the signing time
 * @param intact      true if the signed bytes are unchanged and the signature matches them
 * @param trusted     true if the signer chains to a seal certificate this platform trusts
 * @param problem     what is wrong, in Chinese, or {@code null}
 */
public record SealCheck(String signer, Instant signingTime, boolean timestamped, boolean intact, boolean trusted,
                        String problem) {
}
