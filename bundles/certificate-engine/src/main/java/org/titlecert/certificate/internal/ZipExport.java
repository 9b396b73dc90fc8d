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
 * Writes checked certificates as a ZIP of STORED entries: PDFs are already compressed, and with the size
 * and CRC known in advance each file is copied straight from the store, in constant memory.
 */
final class ZipExport implements CertificateExport {

    /** What an entry needs; read again if the file was replaced since the selection was checked. */
    record Item(long id, String number, String name, String maskedId, String sha256, long size, long crc32) {
    }

    private final String fileName;
    private final List<Item> items;
    private final ContentStore store;
    private final LongFunction<Item> reload;

    ZipExport(String fileName, List<Item> items, ContentStore store, LongFunction<Item> reload) {
        this.fileName = fileName;
        this.items = List.copyOf(items);
        this.store = store;
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
        StringBuilder manifest = new StringBuilder("\uFEFF证书编号,姓名,身份证号,SHA-256\r\n");
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setMethod(ZipOutputStream.STORED);
            byte[] buffer = new byte[64 * 1024];
            for (Item planned : items) {
                Item item = store.exists(planned.sha256()) ? planned : reload.apply(planned.id());
                String name = unique(names, fileName(item.number(), item.name()));
                zip.putNextEntry(stored(name, item.size(), item.crc32()));
                try (InputStream in = store.open(item.sha256())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        zip.write(buffer, 0, n);
                    }
                }
                zip.closeEntry();
                manifest.append(csv(item.number())).append(',').append(csv(item.name())).append(',')
                        .append(csv(item.maskedId())).append(',').append(item.sha256()).append("\r\n");
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

    /** {@code 342021AHKJ00001_张三.pdf}, with characters that file systems refuse taken out. */
    static String fileName(String number, String name) {
        return (number + "_" + name).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "") + ".pdf";
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name.substring(0, name.length() - 4) + "(" + i + ").pdf";
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
