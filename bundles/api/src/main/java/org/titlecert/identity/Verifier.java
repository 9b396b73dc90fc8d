package org.titlecert.identity;

import java.time.Instant;

/**
 * A 查验单位: an employer or other organisation that checks certificates, with its 统一社会信用代码 and the one
 * account it logs in with.
 *
 * @param reason why it was refused or stopped; {@code null} otherwise
 */
public record Verifier(long id, String name, String creditCode, String contactName, String contactMobile,
                       String login, VerifierStatus status, Instant appliedAt, Instant decidedAt, String decidedBy,
                       String reason) {
}
