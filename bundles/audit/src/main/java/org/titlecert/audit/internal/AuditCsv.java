package org.titlecert.audit.internal;

import static org.titlecert.api.SpreadsheetText.safe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.titlecert.audit.AuditEntry;

/** The audit log as CSV, written a page at a time. */
final class AuditCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AuditCsv() {
    }

    /**
     * Writes the header, then each page that {@code next} gives after the last entry written ({@code null} for the
     * first page) until one comes back empty; returns how many entries. Times are in {@code zone}, which the header
     * names (北京时间 for Asia/Shanghai).
     */
    static long write(OutputStream out, ZoneId zone, Function<AuditEntry, List<AuditEntry>> next)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        String time = "时间（" + (zone.getId().equals("Asia/Shanghai") ? "北京时间" : zone.getId()) + "）";
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
                .setHeader("序号", time, "操作人", "角色", "来源地址", "操作", "对象", "结果", "说明").get());
        DateTimeFormatter at = TIME.withZone(zone);
        long written = 0;
        AuditEntry last = null;
        for (List<AuditEntry> page = next.apply(null); !page.isEmpty(); page = next.apply(last)) {
            for (AuditEntry e : page) {
                csv.printRecord(e.id(), at.format(e.at()), safe(e.actor()), safe(e.role()), safe(e.address()),
                        safe(e.action()), safe(e.target()), e.outcome(), safe(e.detail()));
                last = e;
                written++;
            }
            csv.flush();
        }
        csv.flush();
        return written;
    }
}
