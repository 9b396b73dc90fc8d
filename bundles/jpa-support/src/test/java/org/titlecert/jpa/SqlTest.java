package org.titlecert.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void inListsArePaddedWithTheirLastValueToAFewShapes() {
        assertThat(Sql.inList(List.of())).isEmpty();
        assertThat(Sql.inList(List.of(7L))).containsExactly(7L, 7L, 7L, 7L, 7L, 7L, 7L, 7L);
        assertThat(Sql.inList(ids(8))).isEqualTo(ids(8));
        assertThat(Sql.inList(ids(9))).hasSize(16).startsWith(ids(9).toArray(Long[]::new)).endsWith(9L, 9L);
        assertThat(Sql.inList(ids(16))).isEqualTo(ids(16));
        assertThat(Sql.inList(ids(17))).hasSize(32).containsOnlyOnce(1L).containsAll(ids(17));
        assertThat(Sql.inList(ids(500))).hasSize(512);
        assertThat(LongStream.rangeClosed(1, 600).mapToObj(n -> Sql.inList(ids((int) n)).size()).distinct())
                .containsExactly(8, 16, 32, 64, 128, 256, 512, 1024);
    }

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }
}
