package org.titlecert.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One area of the platform's files (certificates, photos, approval documents), each file named by the SHA-256 of
 * its content and never changed. A write is whole or absent, never partial, even across a crash; once
 * {@link #put} returns, the file is durable.
 */
public interface ContentStore {

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the content and returns its SHA-256; storing the same content again does nothing. */
    String put(byte[] data);

    /** The whole content; an {@link java.io.UncheckedIOException} if it cannot be read. */
    byte[] get(String sha);

    /** The content as a stream; the caller closes it. */
    InputStream open(String sha) throws IOException;

    boolean exists(String sha);

    /** Removes the file, if it is there. */
    void delete(String sha);
}
