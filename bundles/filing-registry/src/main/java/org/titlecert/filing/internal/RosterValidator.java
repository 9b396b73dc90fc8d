package org.titlecert.filing.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.titlecert.api.Gender;
import org.titlecert.api.ResidentId;
import org.titlecert.api.Violation;
import org.titlecert.filing.Levels;

/**
 * Checks every cell of a roster and reports each problem by row and column, in Chinese,
 * so that a unit can fix the whole file in one pass.
 */
final class RosterValidator {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*(?:[-/.月]\\s*(\\d{1,2})\\s*日?)?\\s*月?(?:[ T].*)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final int MAX_TEXT = 100;

    /** The outcome: rows that passed, or the violations that reject the file. */
    record Result(List<RosterRow> rows, List<Violation> violations) {
    }

    private final LocalDate today;

    RosterValidator(LocalDate today) {
        this.today = today;
    }

    Result validate(RosterTable table) {
        List<Violation> violations = new ArrayList<>();
        Map<RosterColumn, Integer> index = new EnumMap<>(RosterColumn.class);
        Map<RosterColumn, String> label = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < table.header().size(); i++) {
            String h = table.header().get(i);
            RosterColumn c = RosterColumn.forHeader(h);
            if (c == null) {
                continue;
            }
            if (index.putIfAbsent(c, i) != null) {
                violations.add(new Violation(1, h, "列重复"));
            }
            label.putIfAbsent(c, h.strip());
        }
        for (RosterColumn c : RosterColumn.values()) {
            label.putIfAbsent(c, c.label());
            if (c.required && !index.containsKey(c)) {
                violations.add(new Violation(1, c.label(), "缺少必填列“" + c.label() + "”"));
            }
        }
        if (!violations.isEmpty()) {
            return new Result(List.of(), violations);
        }
        if (table.rows().isEmpty()) {
            return new Result(List.of(), List.of(new Violation(null, null, "名单中没有数据行")));
        }

        List<RosterRow> rows = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (RosterTable.Line line : table.rows()) {
            RowCheck r = new RowCheck(line, index, label, violations);
            String name = r.text(RosterColumn.NAME, 50);
            if (name != null && !isPersonName(name)) {
                r.fail(RosterColumn.NAME, "姓名含有不允许的字符");
                name = null;
            }
            ResidentId id = r.idNumber();
            Gender gender = id == null ? null : id.gender();
            LocalDate birth = id == null ? null : id.birthDate();
            if (id != null) {
                Integer first = firstRowOf.putIfAbsent(id.value(), line.row());
                if (first != null) {
                    r.fail(RosterColumn.ID_NUMBER, "与第 " + first + " 行身份证号码重复");
                }
                r.checkGender(gender);
                r.checkBirth(birth);
            }
            String employer = r.text(RosterColumn.EMPLOYER, MAX_TEXT);
            String series = r.text(RosterColumn.SERIES, 50);
            String specialty = r.text(RosterColumn.SPECIALTY, 50);
            String titleName = r.text(RosterColumn.TITLE_NAME, 50);
            String level = r.text(RosterColumn.LEVEL, 10);
            if (level != null && !Levels.isValid(level)) {
                r.fail(RosterColumn.LEVEL, "职称级别应为 " + String.join("、", Levels.ALL) + " 之一");
            }
            LocalDate qualified = r.date(RosterColumn.QUALIFICATION_DATE);
            if (qualified != null && qualified.isAfter(today)) {
                r.fail(RosterColumn.QUALIFICATION_DATE, "取得时间不能晚于今天");
            } else if (qualified != null && birth != null && !qualified.isAfter(birth)) {
                r.fail(RosterColumn.QUALIFICATION_DATE, "取得时间不能早于出生日期");
            }
            if (r.ok) {
                rows.add(new RosterRow(line.row(), name, id.value(), gender, birth, employer, series, specialty,
                        titleName, level.strip(), qualified));
            }
        }
        return new Result(violations.isEmpty() ? rows : List.of(), violations);
    }

    /** Letters of any script (including CJK extensions), and the separators of minority and foreign names. */
    static boolean isPersonName(String name) {
        return name.codePoints().allMatch(cp -> Character.isLetter(cp) || cp == '·' || cp == '•' || cp == '.'
                || cp == ' ' || cp == '-');
    }

    static Optional<LocalDate> parseDate(String s) {
        String t = s.strip();
        try {
            Matcher m = COMPACT_DATE.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = DATE.matcher(t);
            if (m.matches() && m.group(3) != null) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A year and month, as in 出生年月 "1985.06"; a full date gives its month too. */
    static Optional<YearMonth> parseYearMonth(String s) {
        Optional<LocalDate> d = parseDate(s);
        if (d.isPresent()) {
            return Optional.of(YearMonth.from(d.get()));
        }
        Matcher m = DATE.matcher(s.strip());
        try {
            return m.matches() ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                    : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Checks the cells of one row, collecting violations. */
    private static final class RowCheck {
        private final RosterTable.Line line;
        private final Map<RosterColumn, Integer> index;
        private final Map<RosterColumn, String> label;
        private final List<Violation> violations;
        boolean ok = true;

        RowCheck(RosterTable.Line line, Map<RosterColumn, Integer> index, Map<RosterColumn, String> label,
                 List<Violation> violations) {
            this.line = line;
            this.index = index;
            this.label = label;
            this.violations = violations;
        }

        void fail(RosterColumn c, String reason) {
            violations.add(new Violation(line.row(), label.get(c), reason));
            ok = false;
        }

        String cell(RosterColumn c) {
            Integer i = index.get(c);
            return i == null ? "" : line.cell(i);
        }

        String text(RosterColumn c, int max) {
            String v = cell(c);
            if (v.isEmpty()) {
                fail(c, label.get(c) + "不能为空");
                return null;
            }
            if (v.codePointCount(0, v.length()) > max) {
                fail(c, label.get(c) + "不能超过 " + max + " 个字");
                return null;
            }
            if (v.codePoints().anyMatch(Character::isISOControl)) {
                fail(c, label.get(c) + "含有控制字符");
                return null;
            }
            return v;
        }

        ResidentId idNumber() {
            String v = cell(RosterColumn.ID_NUMBER);
            Integer i = index.get(RosterColumn.ID_NUMBER);
            if (line.numeric().contains(i) && v.length() >= 15) {
                fail(RosterColumn.ID_NUMBER, "身份证号码被存为数字，末几位可能已丢失，请将该列设为文本格式后重新填写");
                return null;
            }
            Optional<String> problem = ResidentId.problem(v);
            if (problem.isPresent()) {
                fail(RosterColumn.ID_NUMBER, problem.get());
                return null;
            }
            return ResidentId.parse(v);
        }

        void checkGender(Gender fromId) {
            String v = cell(RosterColumn.GENDER);
            if (v.isEmpty()) {
                return;
            }
            Gender g = Gender.parse(v);
            if (g == null) {
                fail(RosterColumn.GENDER, "性别应为“男”或“女”");
            } else if (g != fromId) {
                fail(RosterColumn.GENDER, "性别与身份证号码不一致（身份证号码为" + fromId.label() + "性）");
            }
        }

        void checkBirth(LocalDate fromId) {
            String v = cell(RosterColumn.BIRTH_DATE);
            if (v.isEmpty()) {
                return;
            }
            Optional<LocalDate> full = parseDate(v);
            Optional<YearMonth> ym = parseYearMonth(v);
            if (ym.isEmpty()) {
                fail(RosterColumn.BIRTH_DATE, "出生日期格式应为 yyyy-mm-dd");
            } else if (full.isPresent() ? !full.get().equals(fromId) : !ym.get().equals(YearMonth.from(fromId))) {
                fail(RosterColumn.BIRTH_DATE, "出生日期与身份证号码不一致（身份证号码为 " + fromId + "）");
            }
        }

        LocalDate date(RosterColumn c) {
            String v = cell(c);
            if (v.isEmpty()) {
                fail(c, label.get(c) + "不能为空");
                return null;
            }
            Optional<LocalDate> d = parseDate(v);
            if (d.isEmpty()) {
                fail(c, label.get(c) + "格式应为 yyyy-mm-dd");
                return null;
            }
            return d.get();
        }
    }
}
