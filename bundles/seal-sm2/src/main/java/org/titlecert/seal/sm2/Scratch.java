package org.titlecert.seal.sm2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder for ofdrw, which reads and writes OFD packages through files; deleted when closed. */
final class Scratch implements AutoCloseable {

    private final Path dir;

    private Scratch(Path dir) {
        this.dir = dir;
    }

    /** A folder holding the document as {@code name}. */
    static Scratch with(String name, byte[] document) throws IOException {
        Scratch s = new Scratch(Files.createTempDirectory("titlecert-sm2-"));
        try {
            Files.write(s.file(name), document);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
