package org.titlecert.notice;

/** Whom a notice is for, and how they may be reached ({@code mobile} and {@code email} may be {@code null}). */
public record Recipient(long personId, String name, String mobile, String email) {
}
