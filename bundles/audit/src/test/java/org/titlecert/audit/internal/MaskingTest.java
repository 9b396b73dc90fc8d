package org.titlecert.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksIdNumbersAndEscapesLineBreaks() {
        assertThat(Masking.clean("导入 11010519491231002X 与 440524188001010014", 100))
                .isEqualTo("导入 1****************X 与 4****************4");
        assertThat(Masking.clean("admin\r\n2026-01-01 LOGIN SUCCESS actor=root", 100))
                .isEqualTo("admin\\r\\n2026-01-01 LOGIN SUCCESS actor=root").doesNotContain("\n");
        assertThat(Masking.clean("a\u2028b\u0007c", 100)).isEqualTo("a\\u2028b\\u0007c");
        assertThat(Masking.clean("x".repeat(50), 10)).hasSize(10).endsWith("…");
        assertThat(Masking.clean("order 1234567890123456789", 100)).as("longer digit runs stay")
                .isEqualTo("order 1234567890123456789");
    }
}
