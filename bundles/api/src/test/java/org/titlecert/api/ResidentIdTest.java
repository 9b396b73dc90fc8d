package org.titlecert.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "11010519491231002x"})
    void acceptsTheStandardVectors(String id) {
        assertThat(ResidentId.problem(id)).isEmpty();
    }

    @Test
    void readsBirthDateAndGender() {
        ResidentId a = ResidentId.parse("11010519491231002X");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(a.gender()).isEqualTo(Gender.FEMALE);
        ResidentId b = ResidentId.parse("440524188001010014");
        assertThat(b.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(b.gender()).isEqualTo(Gender.MALE);
        assertThat(ResidentId.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    /** Every change of a single character of a valid number must be caught by the check digit. */
    static List<String> singleCharacterChanges() {
        List<String> out = new ArrayList<>();
        for (String valid : List.of("11010519491231002X", "440524188001010014")) {
            for (int i = 0; i < 18; i++) {
                String alphabet = i == 17 ? "0123456789X" : "0123456789";
                for (char c : alphabet.toCharArray()) {
                    if (c != valid.charAt(i)) {
                        out.add(valid.substring(0, i) + c + valid.substring(i + 1));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("singleCharacterChanges")
    void rejectsEverySingleCharacterChange(String id) {
        assertThat(ResidentId.problem(id)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1101051949123100", "11010519491231002XX", "1101051949123100Y2", "01010519491231002X"})
    void rejectsMalformed(String id) {
        assertThat(ResidentId.problem(id)).isPresent();
    }

    @Test
    void rejectsImpossibleAndFutureBirthDates() {
        String feb30 = "11010519490230001";
        assertThat(ResidentId.problem(feb30 + ResidentId.checkChar(feb30))).contains("身份证号码中的出生日期无效");
        String future = "110105" + (LocalDate.now().getYear() + 1) + "0101001";
        assertThat(ResidentId.problem(future + ResidentId.checkChar(future))).contains("身份证号码中的出生日期无效");
    }

    @Test
    void parseFailsWithStableCodeAndChineseReason() {
        assertThatThrownBy(() -> ResidentId.parse("110105194912310021"))
                .isInstanceOf(TitleCertException.class)
                .satisfies(e -> {
                    TitleCertException t = (TitleCertException) e;
                    assertThat(t.code()).isEqualTo("INVALID_ID_NUMBER");
                    assertThat(t.kind()).isEqualTo(TitleCertException.Kind.INVALID);
                    assertThat(t.getMessage()).isEqualTo("身份证号码校验位错误");
                });
    }

    @Test
    void masksAllButFirstAndLast() {
        assertThat(ResidentId.mask("11010519491231002X")).isEqualTo("1****************X");
        assertThat(ResidentId.parse("440524188001010014").toString()).isEqualTo("4****************4");
    }
}
