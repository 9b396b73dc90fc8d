package org.titlecert.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void contentDispositionKeepsChineseNamesPerRfc6266() {
        assertThat(ContentDisposition.of("皖职改办〔2021〕12号.pdf", true))
                .isEqualTo("inline; filename=\"_____2021_12_.pdf\"; filename*=UTF-8''"
                        + "%E7%9A%96%E8%81%8C%E6%94%B9%E5%8A%9E%E3%80%942021%E3%80%9512%E5%8F%B7.pdf");
        assertThat(ContentDisposition.of("a \"b\".pdf", false))
                .startsWith("attachment; filename=\"a _b_.pdf\"; filename*=UTF-8''a%20%22b%22.pdf");
    }
}
