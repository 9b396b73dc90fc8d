package org.titlecert.store.internal;

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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.titlecert.store.ContentStore;
import org.titlecert.store.DeletionHold;

/**
 * Files named by the SHA-256 of their content, under {@code root/ab/cd/}. A write goes to a temporary
 * file in the target's own directory, is forced to disk, renamed atomically into place, and the
 * directory is forced too: a crash leaves either no file or the whole file, never part of one.
 */
public final class LocalContentStore implements ContentStore {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final String extension;
    /** This node's temporary files start with it; another node's writes into a shared folder do not. */
    private final String incoming;
    private final DeletionHold deletions;

    /** @param extension the file name suffix, e.g. {@code ".pdf"} */
    public LocalContentStore(Path root, String extension) {
        this(root, extension, "local", new DeletionHold());
    }

    /**
     * @param node      names this node in temporary file names, so that it knows its own after a crash
     * @param deletions the store's hold on deletions, shared by its areas
     */
    public LocalContentStore(Path root, String extension, String node, DeletionHold deletions) {
        this.root = root;
        this.extension = extension;
        this.incoming = ".incoming-" + node + "-";
        this.deletions = deletions;
    }

    public Path path(String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + extension);
    }

    @Override
    public String put(byte[] data) {
        String sha = ContentStore.sha256(data);
        Path target = path(sha);
        if (Files.exists(target)) {
            return sha;
        }
        try {
            Path dir = Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(dir, incoming, ".part");
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

    @Override
    public byte[] get(String sha) {
        try {
            return Files.readAllBytes(path(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String sha) throws IOException {
        return Files.newInputStream(path(sha));
    }

    @Override
    public void delete(String sha) {
        Path file = path(sha);
        deletions.delete(sha, s -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Removes the temporary files of writes that a crash interrupted: all of this node's, and other nodes' once
     * older than {@code age} (a younger one may be another node's write in progress in a shared folder).
     *
     * @return how many were removed
     */
    public int removeIncomplete(Duration age) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        FileTime before = FileTime.from(Instant.now().minus(age));
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            List<Path> partial = files.filter(f -> f.getFileName().toString().startsWith(".incoming-"))
                    .filter(f -> f.getFileName().toString().startsWith(incoming) || modified(f).compareTo(before) < 0)
                    .toList();
            for (Path f : partial) {
                Files.deleteIfExists(f);
            }
            return partial.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.from(Instant.now());
        }
    }

    @Override
    public boolean exists(String sha) {
        return Files.exists(path(sha));
    }
}
