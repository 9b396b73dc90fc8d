package org.titlecert.photo;

import java.time.Instant;

/**
 * A person's stored photo: a normalised sRGB JPEG without metadata, named by its SHA-256.
 */
public record PhotoInfo(long personId, String sha256, int width, int height, long size, Instant uploadedAt) {
}
