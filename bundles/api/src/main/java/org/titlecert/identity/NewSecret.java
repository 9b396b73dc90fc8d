package org.titlecert.identity;

/** A password or API key, shown once when it is made and never stored in clear. */
public record NewSecret(long id, String name, String secret) {
}
