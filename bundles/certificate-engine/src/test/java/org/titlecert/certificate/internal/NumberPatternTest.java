package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberPatternTest {

    @Test
    void theDefaultPatternIsRegionYearCommitteeAndFiveDigits() {
        NumberPattern p = NumberPattern.parse("{region}{year}{committee}{seq:5}");
        String prefix = p.prefix("34", 2021, "ahkj-gj", "AHRS");
        assertThat(prefix).isEqualTo("342021AHKJGJ");
        assertThat(p.format(prefix, 7)).isEqualTo("342021AHKJGJ00007");
    }

    @Test
    void literalsAndOtherPlaceholdersAreKept() {
        NumberPattern p = NumberPattern.parse("ZC-{authority}-{year}{seq:8}");
        assertThat(p.format(p.prefix("34", 2024, "X", "AHRS"), 123)).isEqualTo("ZC-AHRS-202400000123");
    }

    @Test
    void badPatternsAreRefusedAtConfiguration() {
        assertThatThrownBy(() -> NumberPattern.parse("{region}{year}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberPattern.parse("{seq:5}{year}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberPattern.parse("证书{year}{seq:5}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberPattern.parse("{year}{seq:0}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSequenceThatOutgrowsItsDigitsStopsRatherThanRepeat() {
        NumberPattern p = NumberPattern.parse("{year}{seq:2}");
        assertThat(p.format("2024", 99)).isEqualTo("202499");
        assertThatThrownBy(() -> p.format("2024", 100)).isInstanceOf(IllegalStateException.class);
    }
}
