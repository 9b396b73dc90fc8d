package org.titlecert.verification;

/** One person of a batch check: what the employer holds. The ID number may be left out; then it is not compared. */
public record BatchRow(String certificateNumber, String name, String idNumber) {
}
