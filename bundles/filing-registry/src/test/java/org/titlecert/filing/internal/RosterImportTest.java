package org.titlecert.filing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.titlecert.api.Gender;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;

class RosterImportTest {

    static final String HEADER = "姓名,身份证号码,性别,出生日期,工作单位,系列,专业,职称名称,职称级别,取得时间\n";
    static final String ZHANG = "张伟,11010519491231002X,女,1949-12-31,合肥市第一人民医院,会计人员,会计,会计师,中级,2021-12-20\n";
    static final String LI = "李娜,440524188001010014,男,1880-01-01,安徽省财政厅,会计人员,会计,高级会计师,副高级,2021/12/20\n";

    private final RosterReader reader = new RosterReader(1000, 8L * 1024 * 1024);
    private final RosterValidator validator = new RosterValidator(LocalDate.of(2026, 11, 26));

    private RosterValidator.Result check(byte[] content) {
        return validator.validate(reader.read(content));
    }

    @Test
    void readsUtf8CsvWithAndWithoutBom() {
        for (String prefix : List.of("", "\uFEFF")) {
            RosterTable t = reader.read((prefix + HEADER + ZHANG + LI).getBytes(StandardCharsets.UTF_8));
            assertThat(t.encoding()).isEqualTo("UTF-8");
            RosterValidator.Result r = validator.validate(t);
            assertThat(r.violations()).isEmpty();
            assertThat(r.rows()).extracting(RosterRow::name).containsExactly("张伟", "李娜");
            assertThat(r.rows().get(1).qualificationDate()).isEqualTo(LocalDate.of(2021, 12, 20));
            assertThat(r.rows().get(0).gender()).isEqualTo(Gender.FEMALE);
        }
    }

    @Test
    void readsGbkCsv() {
        RosterTable t = reader.read((HEADER + ZHANG).getBytes(RosterReader.GBK));
        assertThat(t.encoding()).isEqualTo("GBK");
        assertThat(validator.validate(t).rows()).extracting(RosterRow::employer).containsExactly("合肥市第一人民医院");
    }

    @Test
    void reportsEveryBadCellByRowAndColumnInChinese() {
        String csv = HEADER + ZHANG
                + "王芳,110105194912310021,女,1949-12-31,某单位,会计人员,会计,会计师,中级,2021-12-20\n"
                + "赵强,11010519491231002X,男,1950-01-01,某单位,会计人员,会计,会计师,特级,2030-01-01\n"
                + ",11010519491231002X,女,,,会计人员,会计,会计师,中级,2021-12-20\n";
        RosterValidator.Result r = check(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rows()).isEmpty();
        assertThat(r.violations()).contains(
                new Violation(3, "身份证号码", "身份证号码校验位错误"),
                new Violation(4, "身份证号码", "与第 2 行身份证号码重复"),
                new Violation(4, "性别", "性别与身份证号码不一致（身份证号码为女性）"),
                new Violation(4, "出生日期", "出生日期与身份证号码不一致（身份证号码为 1949-12-31）"),
                new Violation(4, "职称级别", "职称级别应为 初级、中级、副高级、正高级 之一"),
                new Violation(4, "取得时间", "取得时间不能晚于今天"),
                new Violation(5, "姓名", "姓名不能为空"),
                new Violation(5, "工作单位", "工作单位不能为空"));
    }

    @Test
    void rowNumbersMatchTheSpreadsheetEvenWithBlankLines() {
        String csv = HEADER + "\n" + ZHANG + "\n\n" + "王芳,110105194912310021,女,,某单位,会计人员,会计,会计师,中级,2021-12-20\n";
        RosterValidator.Result r = check(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.violations()).containsExactly(new Violation(6, "身份证号码", "身份证号码校验位错误"));
    }

    @Test
    void reportsMissingColumns() {
        RosterValidator.Result r = check("姓名,身份证号码\n张伟,11010519491231002X\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.violations()).extracting(Violation::column)
                .containsExactly("工作单位", "系列", "专业", "职称名称", "职称级别", "取得时间");
        assertThat(r.violations()).allSatisfy(v -> assertThat(v.row()).isEqualTo(1));
    }

    @Test
    void acceptsAliasHeadersAndOptionalColumnsAbsent() {
        String csv = "真实姓名,身份证号,所在单位,系列,专业,资格名称,资格级别,资格取得时间\n"
                + "欧阳𠮷龘,11010519491231002X,芜湖市财政局,会计人员,会计,会计师,中级,2021年12月20日\n";
        RosterValidator.Result r = check(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.violations()).isEmpty();
        assertThat(r.rows().get(0).name()).isEqualTo("欧阳𠮷龘");
        assertThat(r.rows().get(0).birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void readsXlsxWithDateCellsAndExplainsIdNumbersStoredAsNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("名单");
            String[] h = HEADER.strip().split(",");
            for (int c = 0; c < h.length; c++) {
                ws.value(0, c, h[c]);
            }
            Object[][] rows = {
                    {"张伟", "11010519491231002X", "女", LocalDate.of(1949, 12, 31), "合肥市第一人民医院", "会计人员", "会计", "会计师", "中级", LocalDate.of(2021, 12, 20)},
                    {"李娜", 440524188001010014L, "男", "", "安徽省财政厅", "会计人员", "会计", "高级会计师", "副高级", "2021-12-20"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Long n) {
                        ws.value(r + 1, c, n);
                    } else {
                        ws.value(r + 1, c, (String) v);
                    }
                }
            }
        }
        RosterTable t = reader.read(out.toByteArray());
        assertThat(t.format()).isEqualTo("XLSX");
        assertThat(t.rows().get(0).cell(3)).isEqualTo("1949-12-31");
        RosterValidator.Result r = validator.validate(t);
        assertThat(r.violations()).containsExactly(new Violation(3, "身份证号码",
                "身份证号码被存为数字，末几位可能已丢失，请将该列设为文本格式后重新填写"));
    }

    @Test
    void refusesBinaryAndLegacyExcelAndEmptyFiles() {
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessage("名单文件为空");
        assertThatThrownBy(() -> reader.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0}))
                .isInstanceOf(TitleCertException.class).hasMessageContaining(".xls");
        assertThatThrownBy(() -> reader.read(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}))
                .hasMessage("无法识别的文件格式，请上传 CSV 或 XLSX 文件");
    }

    @Test
    void refusesMoreRowsThanAllowed() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 1001; i++) {
            sb.append(ZHANG);
        }
        assertThatThrownBy(() -> reader.read(sb.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TitleCertException.class)
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("ROSTER_TOO_MANY_ROWS");
    }

    @Test
    void parsesTheDateSpellingsUnitsUse() {
        for (String s : List.of("2021-12-20", "2021/12/20", "2021.12.20", "20211220", "2021年12月20日",
                "2021-12-20 00:00:00")) {
            assertThat(RosterValidator.parseDate(s)).as(s).contains(LocalDate.of(2021, 12, 20));
        }
        assertThat(RosterValidator.parseDate("2021-02-30")).isEmpty();
        assertThat(RosterValidator.parseYearMonth("1985.06")).isPresent();
    }

    @Test
    void anXlsxThatUnpacksToMoreThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // a real workbook plus a 20 MB part of zeros that compresses to a few KB
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(100_000);
        assertThatThrownBy(() -> reader.read(out.toByteArray())).isInstanceOf(TitleCertException.class)
                .hasMessageContaining("解压后超过 8 MB")
                .extracting(e -> ((TitleCertException) e).code()).isEqualTo("ROSTER_TOO_LARGE");
    }
}
