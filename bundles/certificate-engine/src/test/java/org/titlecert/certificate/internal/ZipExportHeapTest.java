package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.titlecert.store.ContentStore;

/**
 * 下载全部 at the size of a large filing: 3,000 certificates of 400 KB (1.2 GB) streamed as one ZIP in a JVM of
 * 64 MiB heap (this test's own surefire run), read back as it is written: every entry there, intact (the reader
 * checks each CRC), and the manifest complete.
 */
class ZipExportHeapTest {

    private static final int PEOPLE = 3_000;
    private static final int SIZE = 400 * 1024;

    @Test
    void aThreeThousandPersonFilingStreamsInSixtyFourMebibytesOfHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThanOrEqualTo(64L * 1024 * 1024);
        List<ZipExport.Item> items = new ArrayList<>(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            CRC32 crc = new CRC32();
            try (InputStream in = pdf(i)) {
                byte[] b = new byte[64 * 1024];
                for (int n; (n = in.read(b)) > 0; ) {
                    crc.update(b, 0, n);
                }
            }
            items.add(new ZipExport.Item(i, String.format("342026AHKJGP%05d", i + 1), "王" + i, "3****************7",
                    Integer.toString(i), SIZE, crc.getValue()));
        }
        PipedInputStream read = new PipedInputStream(256 * 1024);
        PipedOutputStream written = new PipedOutputStream(read);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (written) {
                new ZipExport("全部证书.zip", items, new GeneratedStore(), null, id -> null).writeTo(written);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int entries = 0;
        long bytes = 0;
        String manifest = null;
        try (ZipInputStream zip = new ZipInputStream(read, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.csv")) {
                    manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    continue;
                }
                assertThat(e.getName()).isEqualTo(String.format("342026AHKJGP%05d_王%d.pdf", entries + 1, entries));
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    bytes += n;
                }
                entries++;
            }
            read.transferTo(java.io.OutputStream.nullOutputStream()); // the central directory, to its end
        }
        writer.join();
        assertThat(entries).isEqualTo(PEOPLE);
        assertThat(bytes).isEqualTo((long) PEOPLE * SIZE);
        assertThat(manifest.lines().count()).isEqualTo(PEOPLE + 1);
        assertThat(manifest).contains("342026AHKJGP03000,王2999,3****************7,2999");
    }

    /** A certificate's bytes, made again on every read: nothing of the 1.2 GB is held. */
    private static InputStream pdf(int i) {
        Random random = new Random(i);
        return new InputStream() {
            private int left = SIZE;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    /** A store whose files are generated: the "hash" is the certificate's index. */
    private static final class GeneratedStore implements ContentStore {
        @Override
        public String put(byte[] data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] get(String sha) {
            throw new UnsupportedOperationException("the export must stream, never read a file whole");
        }

        @Override
        public InputStream open(String sha) {
            return pdf(Integer.parseInt(sha));
        }

        @Override
        public boolean exists(String sha) {
            return true;
        }

        @Override
        public void delete(String sha) {
            throw new UnsupportedOperationException();
        }
    }
}
