package org.titlecert.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.titlecert.api.ResidentId;

/**
 * A province's worth of records, written with JDBC straight into a stopped platform's tables as copies of one filing
 * that the platform itself approved and generated. Each copy is a whole approved filing: its roster entries name
 * people of a pool (valid resident ID numbers, each person holding several titles over the years), and each entry
 * has its certificate (a number and verification token of its own) and that certificate's version row. Every copy
 * points at the seed's PDFs, which the content store keeps by their SHA-256, so the files need no copying.
 */
final class ProvinceData {

    static final String APPROVAL_PREFIX = "皖规模〔";
    private static final String[] TYPES = {"REVIEW", "RECOGNITION", "EXAM", "EXAM_AND_REVIEW"};
    private static final String[] SERIES = {"会计", "工程", "卫生", "教师", "经济", "农业", "统计", "审计"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "明华强军平志刚建国玉兰秀英桂芳丽娟海燕文博子轩思远雨涵";
    private static final int BIRTH_DAYS = 16_000;

    private final Connection db;
    private final Random random = new Random();
    /** Tokens of every 97th copied certificate: a sample spread over the whole data set, for verification. */
    private final List<String> tokens = new ArrayList<>();
    private final List<Long> filings = new ArrayList<>();

    ProvinceData(Connection db) throws SQLException {
        this.db = db;
        db.setAutoCommit(false);
    }

    /** The pool's {@code p}th person's resident ID number: region 349900, no real district, so no demo person's. */
    static String idNumber(int p) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(p % BIRTH_DAYS);
        String first17 = String.format("349900%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), (p / BIRTH_DAYS) * 2 + p % 2);
        return first17 + ResidentId.checkChar(first17);
    }

    /** A sample of the copied certificates' verification tokens. */
    List<String> tokens() {
        return tokens;
    }

    /** The ids of the filings copied. */
    List<Long> filings() {
        return filings;
    }

    /**
     * Grows the data set until it holds {@code copies} copies of the seed filing and a pool of {@code persons}
     * people; returns the seconds it took.
     */
    double grow(long seedFilingId, int copies, int persons) throws SQLException {
        long t0 = System.nanoTime();
        Rows filing = Rows.read(db, "SELECT * FROM TC_FILING WHERE ID = ?", seedFilingId);
        Rows roster = Rows.read(db, "SELECT * FROM TC_ROSTER_ENTRY WHERE FILING_ID = ? ORDER BY ID", seedFilingId);
        Rows certificates = Rows.read(db, "SELECT * FROM TC_CERTIFICATE WHERE FILING_ID = ?", seedFilingId);
        Rows versions = Rows.read(db, "SELECT v.* FROM TC_CERT_VERSION v, TC_CERTIFICATE c WHERE c.ID = "
                + "v.CERTIFICATE_ID AND c.FILING_ID = ? AND v.VERSION_NO = c.VERSION_NO", seedFilingId);
        int size = roster.rows.size();
        if (certificates.rows.size() != size || versions.rows.size() != size) {
            throw new IllegalStateException("the seed filing is not wholly generated: " + size + " entries, "
                    + certificates.rows.size() + " certificates, " + versions.rows.size() + " versions");
        }
        Map<Object, Object[]> certificateOf = certificates.index("ROSTER_ENTRY_ID");
        Map<Object, Object[]> versionOf = versions.index("CERTIFICATE_ID");

        Map<String, Long> pool = addPersons(persons);
        int done = count("SELECT COUNT(*) FROM TC_FILING WHERE APPROVAL_NUMBER LIKE ?", APPROVAL_PREFIX + "%");
        int toMake = copies - done;
        if (toMake <= 0) {
            return 0;
        }
        Ids filingIds = new Ids("TC_FILING", "TC_FILING_SEQ", "FILING", toMake);
        Ids rosterIds = new Ids("TC_ROSTER_ENTRY", "TC_FILING_SEQ", "ROSTER", (long) toMake * size);
        Ids certificateIds = new Ids("TC_CERTIFICATE", "TC_CERT_SEQ", "CERTIFICATE", (long) toMake * size);
        Ids versionIds = new Ids("TC_CERT_VERSION", "TC_CERT_SEQ", "VERSION", (long) toMake * size);
        try (PreparedStatement fi = filing.insert(db); PreparedStatement ri = roster.insert(db);
             PreparedStatement ci = certificates.insert(db); PreparedStatement vi = versions.insert(db)) {
            for (int k = done + 1; k <= copies; k++) {
                long filingId = filingIds.next();
                filings.add(filingId);
                int year = 2015 + k % 12;
                String series = SERIES[k % SERIES.length];
                filing.add(fi, filing.rows.get(0), Map.of("ID", filingId,
                        "NAME", year + "年度" + series + "系列职称评审第" + k + "批",
                        "APPROVAL_NUMBER", APPROVAL_PREFIX + year + "〕" + k + "号", "FILING_YEAR", year,
                        "TYPE", TYPES[k % TYPES.length]));
                fi.executeBatch();
                for (int i = 0; i < size; i++) {
                    Object[] entry = roster.rows.get(i);
                    int p = (int) (((long) k * size + i) % persons);
                    String id = idNumber(p);
                    String name = name(p);
                    long entryId = rosterIds.next();
                    long certificateId = certificateIds.next();
                    ResidentId resident = ResidentId.parse(id);
                    roster.add(ri, entry, Map.of("ID", entryId, "FILING_ID", filingId, "PERSON_ID", pool.get(id),
                            "NAME", name, "ID_NUMBER", id, "GENDER", p % 2 == 1 ? "男" : "女",
                            "BIRTH_DATE", Date.valueOf(resident.birthDate())));
                    Object[] certificate = certificateOf.get(roster.get(entry, "ID"));
                    String token = token();
                    if ((certificateId % 97) == 0) {
                        tokens.add(token);
                    }
                    certificates.add(ci, certificate, Map.of("ID", certificateId, "ROSTER_ENTRY_ID", entryId,
                            "FILING_ID", filingId, "PERSON_ID", pool.get(id),
                            "CERT_NUMBER", "G" + k + "-" + certificates.get(certificate, "CERT_NUMBER"),
                            "TOKEN", token, "PERSON_NAME", name, "MASKED_ID", ResidentId.mask(id)));
                    versions.add(vi, versionOf.get(certificates.get(certificate, "ID")), Map.of("ID",
                            versionIds.next(), "CERTIFICATE_ID", certificateId));
                }
                ri.executeBatch();
                ci.executeBatch();
                vi.executeBatch();
                db.commit();
            }
        }
        for (Ids ids : List.of(filingIds, rosterIds, certificateIds, versionIds)) {
            ids.release();
        }
        db.commit();
        return (System.nanoTime() - t0) / 1e9;
    }

    int count(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } finally {
            db.commit();
        }
    }

    /** Adds the pool's people up to {@code persons}; returns every pool person's row id by ID number. */
    private Map<String, Long> addPersons(int persons) throws SQLException {
        Map<String, Long> pool = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT ID_NUMBER, ID FROM TC_PERSON WHERE ID_NUMBER LIKE ?")) {
            s.setString(1, "349900%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pool.put(r.getString(1), r.getLong(2));
                }
            }
        }
        int have = pool.size();
        if (have >= persons) {
            return pool;
        }
        Ids ids = new Ids("TC_PERSON", "TC_FILING_SEQ", "PERSON", persons - have);
        try (PreparedStatement s = db.prepareStatement("INSERT INTO TC_PERSON (ID, ID_NUMBER) VALUES (?, ?)")) {
            for (int p = have; p < persons; p++) {
                long id = ids.next();
                s.setLong(1, id);
                s.setString(2, idNumber(p));
                s.addBatch();
                pool.put(idNumber(p), id);
                if ((p - have) % 5000 == 4999) {
                    s.executeBatch();
                    db.commit();
                }
            }
            s.executeBatch();
        }
        ids.release();
        db.commit();
        return pool;
    }

    /** The pool's {@code p}th person's name. */
    static String name(int p) {
        return "" + SURNAMES.charAt(p % SURNAMES.length()) + GIVEN.charAt(p / SURNAMES.length() % GIVEN.length())
                + (p % 3 == 0 ? "" : String.valueOf(GIVEN.charAt(p / 7 % GIVEN.length())));
    }

    private String token() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Row ids taken from a table generator's sequence the way OpenJPA takes them: from above both the highest id in
     * use and the sequence's next value, which {@link #release()} then moves past the ids used.
     */
    private final class Ids {
        private final String sequence;
        private final String key;
        private final String keyColumn;
        private final String valueColumn;
        private long next;

        Ids(String table, String sequence, String key, long count) throws SQLException {
            this.sequence = sequence;
            this.key = key;
            String[] columns = sequenceColumns(sequence);
            this.keyColumn = columns[0];
            this.valueColumn = columns[1];
            long max;
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(ID) FROM " + table)) {
                r.next();
                max = r.getLong(1);
            }
            next = Math.max(max + 1, value());
        }

        long next() {
            return next++;
        }

        private long value() throws SQLException {
            try (PreparedStatement s = db.prepareStatement("SELECT " + valueColumn + " FROM " + sequence + " WHERE "
                    + keyColumn + " = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0;
                }
            }
        }

        void release() throws SQLException {
            try (PreparedStatement s = db.prepareStatement("UPDATE " + sequence + " SET " + valueColumn + " = ? WHERE "
                    + keyColumn + " = ?")) {
                s.setLong(1, next + 1000);
                s.setString(2, key);
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("no row " + key + " in " + sequence);
                }
            }
        }

        /** {key column, value column} of an OpenJPA table generator's table. */
        private String[] sequenceColumns(String table) throws SQLException {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData m = r.getMetaData();
                String keyName = null;
                String valueName = null;
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    if (m.getColumnType(i) == java.sql.Types.VARCHAR) {
                        keyName = m.getColumnName(i);
                    } else {
                        valueName = m.getColumnName(i);
                    }
                }
                return new String[] {keyName, valueName};
            }
        }
    }

    /** The rows of one table as read, and an INSERT that writes a copy of a row with some columns changed. */
    private record Rows(String table, List<String> columns, List<Integer> types, List<Object[]> rows) {

        static Rows read(Connection db, String sql, long param) throws SQLException {
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setLong(1, param);
                try (ResultSet r = s.executeQuery()) {
                    ResultSetMetaData m = r.getMetaData();
                    List<String> columns = new ArrayList<>();
                    List<Integer> types = new ArrayList<>();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        columns.add(m.getColumnName(i).toUpperCase());
                        types.add(m.getColumnType(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (r.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = r.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    String table = sql.replaceFirst("(?s).*? FROM (\\w+).*", "$1");
                    return new Rows(table, columns, types, rows);
                }
            }
        }

        Object get(Object[] row, String column) {
            return row[column(column)];
        }

        Map<Object, Object[]> index(String column) {
            int c = column(column);
            Map<Object, Object[]> out = new HashMap<>();
            rows.forEach(r -> out.put(r[c], r));
            return out;
        }

        PreparedStatement insert(Connection db) throws SQLException {
            return db.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
        }

        void add(PreparedStatement insert, Object[] row, Map<String, Object> changed) throws SQLException {
            for (String column : changed.keySet()) {
                column(column);
            }
            for (int i = 0; i < columns.size(); i++) {
                Object value = changed.containsKey(columns.get(i)) ? changed.get(columns.get(i)) : row[i];
                if (value == null) {
                    insert.setNull(i + 1, types.get(i));
                } else {
                    insert.setObject(i + 1, value, types.get(i));
                }
            }
            insert.addBatch();
        }

        private int column(String name) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException(table + " has no column " + name + ": " + columns);
            }
            return i;
        }
    }
}
