package org.titlecert.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.titlecert.api.ResidentId;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.Levels;

class DemoDataTest {

    @Test
    void peopleHaveValidIdNumbersMatchingGenderAndBirthDate() {
        List<DemoPeople.Person> people = new DemoPeople(1).next(200);
        assertThat(people).hasSize(200);
        assertThat(people).extracting(DemoPeople.Person::idNumber).doesNotHaveDuplicates();
        for (DemoPeople.Person p : people) {
            ResidentId id = ResidentId.parse(p.idNumber());
            assertThat(id.gender()).isEqualTo(p.gender());
            assertThat(id.birthDate()).isEqualTo(p.birthDate());
            assertThat(p.name()).hasSizeBetween(2, 4);
        }
    }

    @Test
    void generationIsDeterministic() {
        assertThat(new DemoPeople(7).next(30)).isEqualTo(new DemoPeople(7).next(30));
    }

    @Test
    void catalogCoversWhatTheIssueAsks() {
        assertThat(DemoCatalog.UNITS).hasSizeGreaterThanOrEqualTo(2);
        assertThat(DemoCatalog.FILINGS).hasSizeGreaterThanOrEqualTo(6);
        Set<Integer> years = new HashSet<>();
        Set<Object> types = new HashSet<>();
        Set<FilingStatus> statuses = new HashSet<>();
        int people = 0;
        for (DemoCatalog.Filing f : DemoCatalog.FILINGS) {
            years.add(f.year());
            types.add(f.type());
            statuses.add(f.status());
            people += f.people() - f.carryOver();
            f.qualifications().forEach(q -> assertThat(Levels.isValid(q.level())).isTrue());
        }
        assertThat(years).hasSizeGreaterThanOrEqualTo(2);
        assertThat(types).hasSizeGreaterThanOrEqualTo(2);
        assertThat(statuses).containsExactlyInAnyOrder(FilingStatus.values());
        assertThat(people).isGreaterThanOrEqualTo(60);
    }
}
