package org.titlecert.filing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.titlecert.api.TitleCertException;

/**
 * Reads a roster file into text cells. The format is told by content: an OOXML zip is XLSX,
 * other text is CSV in UTF-8 (with or without BOM) or else GBK.
 */
final class RosterReader {

    static final Charset GBK = Charset.forName("GB18030");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** An XLSX has a dozen parts; thousands is no spreadsheet. */
    private static final int MAX_XLSX_ENTRIES = 1000;

    private final int maxRows;
    private final long maxInflated;

    RosterReader(int maxRows, long maxInflatedBytes) {
        this.maxRows = maxRows;
        this.maxInflated = maxInflatedBytes;
    }

    RosterTable read(byte[] content) {
        if (content == null || content.length == 0) {
            throw TitleCertException.invalid("ROSTER_EMPTY", "名单文件为空");
        }
        if (content.length >= 8 && ReadableWorkbook.isOOXMLZipHeader(content)) {
            return readXlsx(content);
        }
        if (content.length >= 8 && ReadableWorkbook.isOLE2Header(content)) {
            throw TitleCertException.unsupported("ROSTER_FORMAT", "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后导入");
        }
        for (int i = 0; i < Math.min(content.length, 4096); i++) {
            if (content[i] == 0) {
                throw TitleCertException.unsupported("ROSTER_FORMAT", "无法识别的文件格式，请上传 CSV 或 XLSX 文件");
            }
        }
        return readCsv(content);
    }

    private RosterTable readCsv(byte[] content) {
        int offset = 0;
        String encoding;
        String text;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            offset = 3;
        }
        Optional<String> utf8 = decode(content, offset, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            encoding = "UTF-8";
            text = utf8.get();
        } else {
            text = decode(content, 0, GBK).orElseThrow(() -> TitleCertException.unsupported("ROSTER_ENCODING",
                    "无法识别文件编码，请使用 UTF-8 或 GBK 编码的 CSV 文件"));
            encoding = "GBK";
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        List<String> header = null;
        List<RosterTable.Line> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord rec : parser) {
                List<String> cells = rec.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                addRow(rows, new RosterTable.Line((int) rec.getRecordNumber(), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw TitleCertException.invalid("ROSTER_MALFORMED", "CSV 文件格式错误：" + e.getMessage());
        }
        return new RosterTable("CSV", encoding, header == null ? List.of() : header, rows);
    }

    private static Optional<String> decode(byte[] content, int offset, Charset cs) {
        try {
            return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Inflates every part once, counting what comes out, before the workbook reader sees any of it. */
    private void checkInflatedSize(byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        // spreadsheet writers often stream their parts with data descriptors, which java.util.zip refuses
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true,
                true)) {
            while (zip.getNextEntry() != null) {
                if (++entries > MAX_XLSX_ENTRIES) {
                    throw TitleCertException.invalid("ROSTER_MALFORMED", "XLSX 文件结构异常，请确认文件未损坏");
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxInflated) {
                        throw TitleCertException.tooLarge("ROSTER_TOO_LARGE",
                                "XLSX 文件解压后超过 " + maxInflated / (1024 * 1024) + " MB，请分批导入");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw TitleCertException.invalid("ROSTER_MALFORMED", "XLSX 文件无法读取，请确认文件未损坏");
        }
    }

    private RosterTable readXlsx(byte[] content) {
        checkInflatedSize(content);
        List<String> header = null;
        List<RosterTable.Line> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false));
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                List<String> cells = new ArrayList<>(row.getCellCount());
                Set<Integer> numeric = new HashSet<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(text(cell));
                    if (cell != null && cell.getType() == CellType.NUMBER) {
                        numeric.add(i);
                    }
                }
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                addRow(rows, new RosterTable.Line(row.getRowNum(), cells, numeric));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TitleCertException t) {
                throw t;
            }
            throw TitleCertException.invalid("ROSTER_MALFORMED", "XLSX 文件无法读取，请确认文件未损坏");
        }
        return new RosterTable("XLSX", null, header == null ? List.of() : header, rows);
    }

    private void addRow(List<RosterTable.Line> rows, RosterTable.Line line) {
        if (rows.size() >= maxRows) {
            throw TitleCertException.tooLarge("ROSTER_TOO_MANY_ROWS", "名单超过 " + maxRows + " 行，请分批导入");
        }
        rows.add(line);
    }

    /**
     * The cell as text. Date-formatted numbers become ISO dates; a long number (an ID number
     * typed as a number) keeps all its digits so that validation can explain the problem.
     */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String fmt = cell.getDataFormatString();
            BigDecimal n = cell.asNumber();
            if (fmt != null && isDateFormat(fmt)) {
                return EXCEL_EPOCH.plusDays(n.longValue()).toString();
            }
            return n.stripTrailingZeros().toPlainString();
        }
        String raw = cell.getText();
        return raw == null ? "" : raw;
    }

    private static boolean isDateFormat(String fmt) {
        String f = fmt.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return f.contains("yy") || f.contains("d") && f.contains("m");
    }
}
