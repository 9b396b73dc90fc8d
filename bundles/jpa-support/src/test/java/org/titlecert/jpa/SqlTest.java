package org.titlecert.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    @Test
    void anInListOnANonUniqueIndexProbesThatIndexOnDerby() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:sqltest;create=true");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID BIGINT PRIMARY KEY, CHANNEL VARCHAR(32) NOT NULL, K VARCHAR(100) NOT NULL, "
                    + "BODY VARCHAR(1000) NOT NULL, UNIQUE (CHANNEL, K))");
            s.execute("CREATE INDEX T_KEY ON T (K)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO T VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < 4000; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, i % 2 == 0 ? "inapp" : "sms");
                    insert.setString(3, "cert:" + i / 2 + ":v1");
                    insert.setString(4, "您的电子职称证书已生成，可在“我的职称”中预览和下载。".repeat(3));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            String where = " WHERE K IN (" + Sql.marks(64) + ")";
            // the trap: Derby without index statistics reads every row (here of the covering unique index)
            assertThat(plan(c, "SELECT CHANNEL, K FROM T" + where)).contains("Number of rows visited=4000");
            String probed = plan(c, "SELECT CHANNEL, K FROM T" + Sql.index("T_KEY") + where);
            assertThat(probed).contains("using index T_KEY").containsPattern("Number of rows visited=1\\d\\d\\n");
        }
    }

    /** Runs the query for 64 keys (two rows each) and returns Derby's plan of it, as it ran. */
    private static String plan(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 1; i <= 64; i++) {
                q.setString(i, "cert:" + i * 10 + ":v1");
            }
            int rows = 0;
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(128);
        }
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            r.next();
            return r.getString(1);
        }
    }

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }
}
