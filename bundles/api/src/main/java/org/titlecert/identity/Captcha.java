package org.titlecert.identity;

/**
 * An image captcha made on the server, valid once and for a few minutes.
 *
 * @param testAnswer the answer, present only when the platform runs with test hooks enabled
 */
public record Captcha(String id, byte[] png, String testAnswer) {
}
