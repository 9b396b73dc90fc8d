package org.titlecert.verification;

/** A share code just made: the code, shown this once, and its record. */
public record NewShareCode(String code, ShareCode shareCode) {
}
