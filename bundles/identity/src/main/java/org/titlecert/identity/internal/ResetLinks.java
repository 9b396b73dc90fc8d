package org.titlecert.identity.internal;

import java.time.Duration;
import java.time.LocalDateTime;

/** How long a password-reset link lives, how often one is sent, and whether one is still good. */
final class ResetLinks {

    static final Duration VALID = Duration.ofMinutes(30);
    static final Duration EVERY = Duration.ofMinutes(5);

    private ResetLinks() {
    }

    /** Unused, and before its end. */
    static boolean open(LocalDateTime usedAt, LocalDateTime expiresAt, LocalDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
