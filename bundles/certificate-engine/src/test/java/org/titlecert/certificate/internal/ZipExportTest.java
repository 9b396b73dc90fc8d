package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.titlecert.store.ContentStore;

class ZipExportTest {

    @TempDir
    Path root;

    @Test
    void storedEntriesNamedByNumberAndNameWithAManifest() throws Exception {
        ContentStore store = new org.titlecert.store.internal.LocalContentStore(root.resolve("pdf"), ".pdf");
        ContentStore ofds = new org.titlecert.store.internal.LocalContentStore(root.resolve("ofd"), ".ofd");
        List<ZipExport.Item> items = new ArrayList<>();
        String[][] people = {{"342021AHKJ00001", "张三"}, {"342021AHKJ00002", "欧阳/娜娜"}, {"342021AHKJ00003", "=cmd"},
                {"342021AHKJ00004", "李四"}};
        for (int i = 0; i < people.length; i++) {
            byte[] pdf = ("%PDF-1.7 certificate " + i).getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(pdf);
            if (i == 0 || i == 3) { // the first is issued as OFD too, the last as OFD only
                byte[] ofd = ("PK ofd " + i).getBytes(StandardCharsets.US_ASCII);
                CRC32 ofdCrc = new CRC32();
                ofdCrc.update(ofd);
                items.add(new ZipExport.Item(i, people[i][0], people[i][1], "3****************7",
                        i == 0 ? store.put(pdf) : null, i == 0 ? pdf.length : 0, i == 0 ? crc.getValue() : 0,
                        ofds.put(ofd), ofd.length, ofdCrc.getValue()));
            } else {
                items.add(new ZipExport.Item(i, people[i][0], people[i][1], "3****************7", store.put(pdf),
                        pdf.length, crc.getValue()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ZipExport("x.zip", items, store, ofds, id -> null).writeTo(out);

        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()),
                StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                byte[] data = zip.readAllBytes();
                names.add(e.getName());
                if (e.getName().equals("manifest.csv")) {
                    manifest = new String(data, StandardCharsets.UTF_8);
                } else {
                    assertThat(new String(data, StandardCharsets.US_ASCII))
                            .startsWith(e.getName().endsWith(".ofd") ? "PK ofd" : "%PDF");
                }
            }
        }
        assertThat(names).containsExactly("342021AHKJ00001_张三.pdf", "342021AHKJ00001_张三.ofd",
                "342021AHKJ00002_欧阳娜娜.pdf", "342021AHKJ00003_=cmd.pdf", "342021AHKJ00004_李四.ofd", "manifest.csv");
        assertThat(manifest).startsWith("\uFEFF证书编号,姓名,身份证号,SHA-256,OFD SHA-256\r\n")
                .contains("342021AHKJ00001,张三,3****************7," + items.get(0).sha256() + ","
                        + items.get(0).ofdSha256() + "\r\n")
                .contains("342021AHKJ00002,欧阳/娜娜,3****************7," + items.get(1).sha256() + ",\r\n")
                .contains(",'=cmd,").doesNotContain("18310261587")
                .contains("342021AHKJ00004,李四,3****************7,," + items.get(3).ofdSha256() + "\r\n");
    }
}
