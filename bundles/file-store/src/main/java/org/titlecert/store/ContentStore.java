package org.titlecert.store;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.regex.Pattern;

/**
 * Files named by the SHA-256 of their content, under {@code root/ab/cd/}. A write goes to a temporary
 * file in the target's own directory, is forced to disk, renamed atomically into place, and the
 * directory is forced too: a crash leaves either no file or the whole file, never part of one.
 */
public final class ContentStore {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final String extension;

    /** @param extension the file name suffix, e.g. {@code ".pdf"} */
    public ContentStore(Path root, String extension) {
        this.root = root;
        this.extension = extension;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path(String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + extension);
    }

    /** Stores the content and returns its SHA-256; storing the same content again does nothing. */
    public String put(byte[] data) {
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
                    throw new IOException("the file store needs a file system with atomic rename", e);
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

    public byte[] get(String sha) {
        try {
            return Files.readAllBytes(path(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as a stream; the caller closes it. */
    public InputStream open(String sha) throws IOException {
        return Files.newInputStream(path(sha));
    }

    public long size(String sha) throws IOException {
        return Files.size(path(sha));
    }

    public void delete(String sha) {
        try {
            Files.deleteIfExists(path(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the temporary files of writes that a crash interrupted; call it on start, before writing.
     *
     * @return how many were removed
     */
    public int removeIncomplete() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            List<Path> partial = files.filter(f -> f.getFileName().toString().startsWith(".incoming-")).toList();
            for (Path f : partial) {
                Files.deleteIfExists(f);
            }
            return partial.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String sha) {
        return Files.exists(path(sha));
    }
}
