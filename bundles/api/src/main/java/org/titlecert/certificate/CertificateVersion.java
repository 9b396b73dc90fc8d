package org.titlecert.certificate;

import java.time.Instant;

/**
 * One version of a certificate, as the public may see it: no personal data.
 *
 * @param sha256           of its PDF; {@code null} where the certificate was issued as OFD only
 * @param reason           why it was made
 * @param correctionReason for a corrected version, the reason from the fixed list; else {@code null}
 * @param description      in Chinese, e.g. 因“姓名有误”更正
 */
public record CertificateVersion(int version, String sha256, Instant createdAt, VersionReason reason,
                                 CorrectionReason correctionReason, String description) {
}
