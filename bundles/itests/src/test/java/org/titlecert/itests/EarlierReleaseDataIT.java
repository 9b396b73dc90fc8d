package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A database as an earlier release left it, brought up to date by the next start: approval documents kept as BLOBs
 * ({@code TC_APPROVAL_DOC}) move to the file store, checked against their recorded SHA-256, and serve as before;
 * filings without a stored roster length get theirs counted. The rows are written while the platform is stopped.
 */
@Order(3)
class EarlierReleaseDataIT {

    @Test
    void documentsKeptInTheDatabaseMoveToTheFileStoreAndRostersAreCountedOnStart() throws Exception {
        Platform platform = Platform.create("earlier-release");
        platform.configureForTests();
        platform.start();
        Api system = platform.system();
        long filing = TestFixtures.filledFiling(system, "旧版批复文件迁移", 2019, TestFixtures.roster(2));
        byte[] document = system.get("/api/v1/filings/" + filing + "/approval-document").bytes();
        String sha = CertificateApiIT.Sha.of(document);
        platform.stop();

        // as the previous release left it: the document in the database, not in the store; no roster length
        Path file = platform.home().resolve("data/approval-documents").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha + ".pdf");
        Files.delete(file);
        try (Connection c = platform.connectDatabase();
             PreparedStatement insert = c.prepareStatement("INSERT INTO TC_APPROVAL_DOC (FILING_ID, CONTENT) VALUES (?, ?)");
             PreparedStatement unknown = c.prepareStatement("UPDATE TC_FILING SET ROSTER_SIZE = NULL WHERE ID = ?")) {
            insert.setLong(1, filing);
            insert.setBytes(2, document);
            insert.executeUpdate();
            unknown.setLong(1, filing);
            assertThat(unknown.executeUpdate()).isEqualTo(1);
        }
        platform.closeDerby();

        platform.start();
        try {
            system = platform.system();
            assertThat(system.get("/api/v1/filings/" + filing + "/approval-document").bytes()).isEqualTo(document);
            assertThat(file).exists().hasBinaryContent(document);
            assertThat(rosterSizes(system, filing)).as("counted on start").containsExactly(2L, 2L);
            importRoster(system, filing, "", TestFixtures.roster(5));
            assertThat(rosterSizes(system, filing)).as("kept by a merge").containsExactly(5L, 5L);
            importRoster(system, filing, "?mode=REPLACE", TestFixtures.roster(1));
            assertThat(rosterSizes(system, filing)).as("kept by a replacement").containsExactly(1L, 1L);
            assertThat(system.get("/api/v1/filings/" + filing + "/roster").json().get("total").asLong()).isEqualTo(1);
        } finally {
            platform.stop();
        }
        assertThat(Files.readString(platform.home().resolve("data/log/karaf.log")))
                .contains("Counted the rosters of 1 filings");
        try (Connection c = platform.connectDatabase(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM TC_APPROVAL_DOC");
             ResultSet size = c.createStatement().executeQuery("SELECT ROSTER_SIZE FROM TC_FILING WHERE ID = " + filing)) {
            r.next();
            assertThat(r.getLong(1)).as("rows left in the database").isZero();
            size.next();
            assertThat(size.getInt(1)).as("the stored roster length").isEqualTo(1);
        } finally {
            platform.closeDerby();
        }
    }

    /** The filing's roster length as its page and the filings list give it. */
    private static List<Long> rosterSizes(Api api, long filing) {
        JsonNode listed = api.get("/api/v1/filings?name=" + URLEncoder.encode("旧版批复文件迁移", StandardCharsets.UTF_8))
                .json().get("items");
        assertThat(listed).hasSize(1);
        return List.of(api.get("/api/v1/filings/" + filing).json().get("rosterSize").asLong(),
                listed.get(0).get("rosterSize").asLong());
    }

    private static void importRoster(Api api, long filing, String query, String csv) {
        Api.Response r = api.postBytes("/api/v1/filings/" + filing + "/roster" + query, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
