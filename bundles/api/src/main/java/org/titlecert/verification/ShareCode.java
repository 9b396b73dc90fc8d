package org.titlecert.verification;

import java.time.Instant;

/**
 * A holder's share code (授权码). The code itself is shown once, when it is made; afterwards only its last
 * characters.
 *
 * @param hint the code's last four characters
 * @param uses how often it opened the record
 * @param verifierName the one 查验单位 it is for; {@code null}: anyone holding the code
 */
public record ShareCode(long id, String hint, Instant createdAt, Instant expiresAt, Instant withdrawnAt, int uses,
                        Instant lastUsedAt, Status status, String verifierName) {

    public enum Status {
        ACTIVE("有效"), EXPIRED("已过期"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
