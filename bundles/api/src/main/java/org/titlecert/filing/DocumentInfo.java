package org.titlecert.filing;

import java.time.Instant;

/** What is known of a stored document without its content. */
public record DocumentInfo(String filename, String sha256, long size, Instant uploadedAt) {
}
