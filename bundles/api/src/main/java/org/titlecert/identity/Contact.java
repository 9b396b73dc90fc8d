package org.titlecert.identity;

/**
 * How to reach a person: the mobile and e-mail of their registered account (either may be {@code null}).
 */
public record Contact(long personId, String name, String mobile, String email) {
}
