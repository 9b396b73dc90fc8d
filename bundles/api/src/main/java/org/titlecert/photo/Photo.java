package org.titlecert.photo;

/** A stored photo with its JPEG bytes. */
public record Photo(PhotoInfo info, byte[] jpeg) {
}
