package org.titlecert.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.titlecert.api.SpreadsheetText;
import org.titlecert.audit.AuditEntry;
import org.titlecert.audit.Outcome;

class AuditCsvTest {

    @Test
    void aCellASpreadsheetWouldRunIsKeptAsText() {
        for (String formula : List.of("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx")) {
            assertThat(SpreadsheetText.safe(formula)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetText.safe("apikey:ab12")).isEqualTo("apikey:ab12");
        assertThat(SpreadsheetText.safe("")).isEmpty();
        assertThat(SpreadsheetText.safe(null)).isNull();
    }

    @Test
    void pagesAreWrittenInTurnAfterAByteOrderMarkAndAHeader() throws Exception {
        List<List<AuditEntry>> pages = List.of(
                List.of(entry(1, "2026-12-01T16:00:00Z", "张三"), entry(2, "2026-12-01T16:00:01Z", "=HYPERLINK(\"x\")")),
                List.of(entry(3, "2026-12-02T00:00:00Z", "b,c")), List.of());
        List<AuditEntry> asked = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = AuditCsv.write(out, java.time.ZoneId.of("Asia/Shanghai"), after -> {
            asked.add(after);
            return pages.get(asked.size() - 1);
        });
        assertThat(written).isEqualTo(3);
        assertThat(asked).extracting(e -> e == null ? null : e.id()).containsExactly(null, 2L, 3L);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF序号,时间（北京时间）,操作人,");
        assertThat(text.lines().toList()).containsExactly(
                "\uFEFF序号,时间（北京时间）,操作人,角色,来源地址,操作,对象,结果,说明",
                "1,2026-12-02 00:00:00.000,张三,SYSTEM_ADMIN,10.0.0.1,LOGIN,account:1,SUCCESS,",
                "2,2026-12-02 00:00:01.000,\"'=HYPERLINK(\"\"x\"\")\",SYSTEM_ADMIN,10.0.0.1,LOGIN,account:1,SUCCESS,",
                "3,2026-12-02 08:00:00.000,\"b,c\",SYSTEM_ADMIN,10.0.0.1,LOGIN,account:1,SUCCESS,");
    }

    private static AuditEntry entry(long id, String at, String actor) {
        return new AuditEntry(id, Instant.parse(at), actor, "SYSTEM_ADMIN", "10.0.0.1", "LOGIN", "account:1",
                Outcome.SUCCESS, null);
    }
}
