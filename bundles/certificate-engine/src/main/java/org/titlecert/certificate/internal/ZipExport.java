package org.titlecert.certificate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.titlecert.certificate.CertificateExport;
import org.titlecert.store.ContentStore;
import org.titlecert.api.SpreadsheetText;

/**
 * Writes checked certificates as a ZIP of STORED entries: each one's PDF and OFD, those it was issued as, with a
 * {@code manifest.csv} of their SHA-256. The files are already compressed, and with the size and CRC known in
 * advance each is copied straight from the store, in constant memory.
 */
final class ZipExport implements CertificateExport {

    /** What an entry needs; read again if the file was replaced since the selection was checked. */
    record Item(long id, String number, String name, String maskedId, String sha256, long size, long crc32,
                String ofdSha256, long ofdSize, long ofdCrc32) {

        /** A certificate without an OFD. */
        Item(long id, String number, String name, String maskedId, String sha256, long size, long crc32) {
            this(id, number, name, maskedId, sha256, size, crc32, null, 0, 0);
        }

        /** Whether its files are still those the selection was checked with. */
        boolean current(ContentStore pdfs, ContentStore ofds) {
            return (sha256 == null || pdfs.exists(sha256)) && (ofdSha256 == null || ofds.exists(ofdSha256));
        }
    }

    private final String fileName;
    private final List<Item> items;
    private final ContentStore store;
    private final ContentStore ofdStore;
    private final LongFunction<Item> reload;

    ZipExport(String fileName, List<Item> items, ContentStore store, ContentStore ofdStore, LongFunction<Item> reload) {
        this.fileName = fileName;
        this.items = List.copyOf(items);
        this.store = store;
        this.ofdStore = ofdStore;
        this.reload = reload;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public int count() {
        return items.size();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, n -> { });
    }

    @Override
    public void writeTo(OutputStream out, java.util.function.IntConsumer written) throws IOException {
        int done = 0;
        StringBuilder manifest = new StringBuilder("\uFEFF证书编号,姓名,身份证号,SHA-256,OFD SHA-256\r\n");
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setMethod(ZipOutputStream.STORED);
            byte[] buffer = new byte[64 * 1024];
            for (Item planned : items) {
                Item item = planned.current(store, ofdStore) ? planned : reload.apply(planned.id());
                String name = unique(names, baseName(item.number(), item.name()));
                if (item.sha256() != null) {
                    copy(zip, name + ".pdf", item.size(), item.crc32(), store, item.sha256(), buffer);
                }
                if (item.ofdSha256() != null) {
                    copy(zip, name + ".ofd", item.ofdSize(), item.ofdCrc32(), ofdStore, item.ofdSha256(), buffer);
                }
                manifest.append(csv(item.number())).append(',').append(csv(item.name())).append(',')
                        .append(csv(item.maskedId())).append(',').append(item.sha256() == null ? "" : item.sha256()).append(',')
                        .append(item.ofdSha256() == null ? "" : item.ofdSha256()).append("\r\n");
                written.accept(++done);
            }
            byte[] csv = manifest.toString().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(csv);
            zip.putNextEntry(stored("manifest.csv", csv.length, crc.getValue()));
            zip.write(csv);
            zip.closeEntry();
        }
    }

    private static void copy(ZipOutputStream zip, String name, long size, long crc, ContentStore from, String sha,
                             byte[] buffer) throws IOException {
        zip.putNextEntry(stored(name, size, crc));
        try (InputStream in = from.open(sha)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                zip.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
    }

    /** {@code 342021AHKJ00001_张三.pdf}, with characters that file systems refuse taken out. */
    static String fileName(String number, String name) {
        return baseName(number, name) + ".pdf";
    }

    /** {@code 342021AHKJ00001_张三}: the file name without its extension. */
    static String baseName(String number, String name) {
        return (number + "_" + name).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "");
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name + "(" + i + ")";
        }
        return candidate;
    }

    private static ZipEntry stored(String name, long size, long crc) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        return e;
    }

    /** A CSV field, quoted when needed, and never read as a formula by a spreadsheet. */
    private static String csv(String v) {
        String s = v == null ? "" : SpreadsheetText.safe(v);
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
