package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A database from before the file store kept approval documents as BLOBs ({@code TC_APPROVAL_DOC}): on the next
 * start they move to the store, checked against their recorded SHA-256, and serve as before. (On PostgreSQL, where
 * the test can write the old row while the platform is stopped.)
 */
@EnabledIf("org.titlecert.itests.PostgresCluster#enabled")
class ApprovalDocumentMoveIT {

    @Test
    void documentsKeptInTheDatabaseMoveToTheFileStoreOnStart() throws Exception {
        Platform platform = Platform.create("document-move");
        platform.configureForTests();
        platform.start();
        Api system = platform.system();
        long filing = TestFixtures.filledFiling(system, "旧版批复文件迁移", 2019, TestFixtures.roster(2));
        byte[] document = system.get("/api/v1/filings/" + filing + "/approval-document").bytes();
        String sha = CertificateApiIT.Sha.of(document);
        platform.stop();

        // as the previous release left it: the document in the database, not in the store
        Path file = platform.home().resolve("data/approval-documents").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha + ".pdf");
        Files.delete(file);
        try (Connection c = DriverManager.getConnection(platform.database(), PostgresCluster.USER,
                PostgresCluster.shared().password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO TC_APPROVAL_DOC (FILING_ID, CONTENT) VALUES (?, ?)")) {
            insert.setLong(1, filing);
            insert.setBytes(2, document);
            insert.executeUpdate();
        }

        platform.start();
        try {
            assertThat(platform.system().get("/api/v1/filings/" + filing + "/approval-document").bytes())
                    .isEqualTo(document);
            assertThat(file).exists().hasBinaryContent(document);
            try (Connection c = DriverManager.getConnection(platform.database(), PostgresCluster.USER,
                    PostgresCluster.shared().password()); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM TC_APPROVAL_DOC")) {
                r.next();
                assertThat(r.getLong(1)).as("rows left in the database").isZero();
            }
        } finally {
            platform.stop();
        }
    }
}
