package org.titlecert.filing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.filing.RosterChange;
import org.titlecert.filing.RosterEntry;

/**
 * Checks a correction of a roster entry by the very rules a roster file is checked by: the entry with the change
 * applied is validated as a one-row roster.
 */
final class RosterCorrections {

    private RosterCorrections() {
    }

    /** The corrected row, or {@code CORRECTION_INVALID} with a violation per bad field. */
    static RosterRow check(RosterEntry e, RosterChange c, LocalDate today) {
        if (c == null || c.isEmpty()) {
            throw TitleCertException.invalid("NOTHING_TO_CORRECT", "请填写需要更正的内容");
        }
        List<String> header = Arrays.stream(RosterColumn.values()).map(RosterColumn::label).toList();
        List<String> cells = new ArrayList<>(List.of(
                or(c.name(), e.name()), e.idNumber(), or(c.gender(), e.gender()),
                or(text(c.birthDate()), text(e.birthDate())), or(c.employer(), e.employer()),
                or(c.series(), e.series()), or(c.specialty(), e.specialty()), or(c.titleName(), e.titleName()),
                or(c.level(), e.level()), or(text(c.qualificationDate()), text(e.qualificationDate()))));
        RosterValidator.Result r = new RosterValidator(today)
                .validate(new RosterTable("correction", null, header, List.of(new RosterTable.Line(2, cells))));
        if (!r.violations().isEmpty()) {
            List<Violation> v = r.violations().stream()
                    .map(x -> new Violation(null, x.column(), x.reason())).toList();
            throw TitleCertException.invalid("CORRECTION_INVALID", "更正内容有误：" + v.get(0).reason(), v);
        }
        RosterRow row = r.rows().get(0);
        if (row.name().equals(e.name()) && row.gender().label().equals(e.gender())
                && row.birthDate().equals(e.birthDate()) && row.employer().equals(e.employer())
                && row.series().equals(e.series()) && row.specialty().equals(e.specialty())
                && row.titleName().equals(e.titleName()) && row.level().equals(e.level())
                && row.qualificationDate().equals(e.qualificationDate())) {
            throw TitleCertException.invalid("NOTHING_TO_CORRECT", "更正后的内容与现有内容相同");
        }
        return row;
    }

    private static String or(String changed, String current) {
        return changed == null ? current : changed;
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
