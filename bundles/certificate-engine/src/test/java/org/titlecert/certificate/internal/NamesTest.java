package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void spacesAndFullWidthFormsDoNotCount() {
        assertThat(Names.comparable(" 张\u3000三 ")).isEqualTo("张三");
        assertThat(Names.comparable("ＡＨ２０２１－０１")).isEqualTo("AH2021-01");
        assertThat(Names.comparable(null)).isEmpty();
    }

    @Test
    void middleDotsAreOne() {
        String expected = "阿依古丽\u00B7买买提";
        for (String dot : new String[] {"\u00B7", "\u30FB", "\uFF65", "\u2022", "\u2027", "\u0387"}) {
            assertThat(Names.comparable("阿依古丽" + dot + "买买提")).as(dot).isEqualTo(expected);
        }
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(Names.comparable("张三")).isNotEqualTo(Names.comparable("张山"));
        assertThat(Names.comparable("张三")).isNotEqualTo(Names.comparable("张三丰"));
    }
}
