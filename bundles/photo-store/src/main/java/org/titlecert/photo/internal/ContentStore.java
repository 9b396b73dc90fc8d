package org.titlecert.photo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Files named by the SHA-256 of their content, under {@code root/ab/cd/}. A write goes to a temporary
 * file in the target's own directory, is forced to disk, renamed atomically into place, and the
 * directory is forced too: a crash leaves either no file or the whole file, never part of one.
 */
final class ContentStore {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    ContentStore(Path root) {
        this.root = root;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path path(String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + ".jpg");
    }

    /** Stores the content and returns its SHA-256; storing the same content again does nothing. */
    String put(byte[] data) {
        String sha = sha256(data);
        Path target = path(sha);
        if (Files.exists(target)) {
            return sha;
        }
        try {
            Path dir = Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(dir, ".incoming-", ".part");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(data);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the photo store needs a file system with atomic rename", e);
                }
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] get(String sha) {
        try {
            return Files.readAllBytes(path(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String sha) {
        try {
            Files.deleteIfExists(path(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String sha) {
        return Files.exists(path(sha));
    }
}
