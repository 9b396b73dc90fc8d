package org.titlecert.api;

import java.util.List;

/**
 * A refusal with a stable machine-readable code and a Chinese message for people.
 * Adapters map the {@link Kind} to their own protocol (HTTP status, UI message).
 */
public class TitleCertException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The category of refusal; REST maps it to an HTTP status. */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED, TOO_MANY_REQUESTS, UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;
    private final int retryAfterSeconds;

    public TitleCertException(Kind kind, String code, String message, List<Violation> violations) {
        this(kind, code, message, violations, 0);
    }

    private TitleCertException(Kind kind, String code, String message, List<Violation> violations,
                               int retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many requests from one client; try again after the given seconds. */
    public static TitleCertException tooMany(String code, String message, int retryAfterSeconds) {
        return new TitleCertException(Kind.TOO_MANY_REQUESTS, code, message, null, Math.max(1, retryAfterSeconds));
    }

    /** Busy for now; ready again after about the given seconds. */
    public static TitleCertException busy(String code, String message, int retryAfterSeconds) {
        return new TitleCertException(Kind.UNAVAILABLE, code, message, null, Math.max(1, retryAfterSeconds));
    }

    public static TitleCertException invalid(String code, String message) {
        return new TitleCertException(Kind.INVALID, code, message, null);
    }

    public static TitleCertException invalid(String code, String message, List<Violation> violations) {
        return new TitleCertException(Kind.INVALID, code, message, violations);
    }

    public static TitleCertException notFound(String code, String message) {
        return new TitleCertException(Kind.NOT_FOUND, code, message, null);
    }

    public static TitleCertException conflict(String code, String message) {
        return new TitleCertException(Kind.CONFLICT, code, message, null);
    }

    public static TitleCertException forbidden(String code, String message) {
        return new TitleCertException(Kind.FORBIDDEN, code, message, null);
    }

    public static TitleCertException tooLarge(String code, String message) {
        return new TitleCertException(Kind.TOO_LARGE, code, message, null);
    }

    public static TitleCertException unsupported(String code, String message) {
        return new TitleCertException(Kind.UNSUPPORTED, code, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Seconds after which trying again should succeed; 0 when not known. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
