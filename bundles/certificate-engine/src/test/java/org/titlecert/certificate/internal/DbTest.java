package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class DbTest {

    @Test
    void inListsArePaddedWithTheirLastValueToAFewShapes() {
        assertThat(Db.inList(List.of())).isEmpty();
        assertThat(Db.inList(List.of(7L))).containsExactly(7L, 7L, 7L, 7L, 7L, 7L, 7L, 7L);
        assertThat(Db.inList(ids(8))).isEqualTo(ids(8));
        assertThat(Db.inList(ids(9))).hasSize(16).startsWith(ids(9).toArray(Long[]::new)).endsWith(9L, 9L);
        assertThat(Db.inList(ids(16))).isEqualTo(ids(16));
        assertThat(Db.inList(ids(17))).hasSize(32).containsOnlyOnce(1L).containsAll(ids(17));
        assertThat(Db.inList(ids(500))).hasSize(512);
        assertThat(LongStream.rangeClosed(1, 600).mapToObj(n -> Db.inList(ids((int) n)).size()).distinct())
                .containsExactly(8, 16, 32, 64, 128, 256, 512, 1024);
    }

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }
}
