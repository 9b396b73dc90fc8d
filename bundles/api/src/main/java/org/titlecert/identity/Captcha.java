package org.titlecert.identity;

/**
 * A captcha made on the server, valid once and for a few minutes: letters drawn distorted, or (for people who
 * cannot see them) a sum, drawn the same way and also asked in words that a screen reader reads out.
 *
 * @param testAnswer the answer, present only when the platform runs with test hooks enabled
 * @param question   the sum asked in words, e.g. 请计算：27 加 8 等于多少？; {@code null} for the letters
 */
public record Captcha(String id, byte[] png, String testAnswer, String question) {
}
