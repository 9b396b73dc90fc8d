package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The schema's versioned migrations under the faults a province meets: a node killed while migrating leaves
 * Liquibase's lock held, and the next start takes it back instead of waiting for it; two nodes started together on
 * a new database migrate it once, one after the other.
 */
@Order(2)
class SchemaMigrationIT {

    private static final Pattern APPLIED = Pattern.compile("Schema of (titlecert-\\w+) is current \\((\\d+) change sets applied");

    @Test
    void aMigrationLockLeftByAKilledNodeIsTakenBackAtTheNextStart() throws Exception {
        Platform platform = Platform.create("schema-lock");
        platform.start();
        platform.stop();
        try (Connection c = platform.connectDatabase(); Statement s = c.createStatement()) {
            // as Liquibase leaves it when its process dies between taking the lock and giving it back
            assertThat(s.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
                    + "LOCKEDBY = 'node-killed-while-migrating' WHERE ID = 1")).isEqualTo(1);
        } finally {
            platform.closeDerby();
        }
        double seconds = platform.start();
        platform.stop();
        assertThat(seconds).as("taken back, not waited for (Liquibase waits 5 minutes)").isLessThan(120);
        assertThat(Files.readString(platform.home().resolve("data/log/karaf.log")))
                .contains("Releasing the schema lock left by a process that stopped while migrating")
                .contains("node-killed-while-migrating");
        try (Connection c = platform.connectDatabase(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).as("given back after the migration").isFalse();
        } finally {
            platform.closeDerby();
        }
    }

    @Test
    void aPlatformStartedBeforeItsDatabaseIsLiveButNotReadyUntilTheDatabaseIsThere() throws Exception {
        Assumptions.assumeTrue(PostgresCluster.enabled(), "a database server that comes after the platform");
        Platform platform = Platform.create("schema-later");
        PostgresCluster pg = PostgresCluster.shared();
        // a database that does not exist yet, as when the platform's service starts before the database's
        platform.database(pg.url("tc_schema_later_db"), PostgresCluster.USER, pg.password());
        platform.startUnready();
        try {
            Api api = platform.api();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (status(api, "/api/health/live") != 200) {
                assertThat(System.nanoTime()).as("live within 2 minutes").isLessThan(deadline);
                Platform.sleep(250);
            }
            // the platform comes up to the point of migrating, fails for want of a database, and keeps trying
            java.nio.file.Path log = platform.home().resolve("data/log/karaf.log");
            while (!Files.exists(log) || !Files.readString(log).contains("Could not bring the schema of")) {
                assertThat(System.nanoTime()).as("a migration tried within 2 minutes").isLessThan(deadline);
                Platform.sleep(250);
            }
            Api.Response ready = api.get("/api/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().at("/checks/database").asBoolean()).isFalse();
            assertThat(ready.json().at("/checks/schema").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/health").status()).as("the API waits for its database").isNotEqualTo(200);

            pg.createDatabase("schema-later-db");
            platform.awaitHealthy(java.time.Duration.ofSeconds(120));
            assertThat(api.get("/api/health/ready").status()).isEqualTo(200);
        } finally {
            platform.stop();
        }
        assertThat(Files.readString(platform.home().resolve("data/log/karaf.log")))
                .contains("Could not bring the schema of").contains("trying again in 10 s")
                .contains("Schema of titlecert-filing is current (10 change sets applied");
    }

    @Test
    void twoNodesStartedTogetherOnANewDatabaseMigrateItOnce() throws Exception {
        Assumptions.assumeTrue(PostgresCluster.enabled(), "several nodes share a PostgreSQL database");
        Platform one = Platform.create("schema-together-1");
        Platform two = Platform.create("schema-together-2");
        two.database(one.database(), PostgresCluster.USER, PostgresCluster.shared().password());
        try {
            CompletableFuture<Double> first = CompletableFuture.supplyAsync(one::start);
            CompletableFuture<Double> second = CompletableFuture.supplyAsync(two::start);
            first.get();
            second.get();
            assertThat(one.api().get("/api/v1/health").status()).isEqualTo(200);
            assertThat(two.api().get("/api/v1/health").status()).isEqualTo(200);
        } finally {
            one.stop();
            two.stop();
        }
        List<String> changeSets = new ArrayList<>();
        try (Connection c = one.connectDatabase(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT FILENAME, ID FROM DATABASECHANGELOG")) {
            while (r.next()) {
                changeSets.add(r.getString(1) + "::" + r.getString(2));
            }
        }
        assertThat(changeSets).doesNotHaveDuplicates().contains("db/filing.yaml::1.0-tc-filing",
                "db/certificate.yaml::1.1-template-key-without-build");
        int applied = 0;
        int creators = 0;
        List<String> units = new ArrayList<>();
        for (Platform node : List.of(one, two)) {
            String log = Files.readString(node.home().resolve("data/log/karaf.log"));
            assertThat(log).doesNotContain("Could not bring the schema").doesNotContain("Error during instantiation");
            if (log.contains("Created the initial system admin")) {
                creators++;
            }
            Matcher m = APPLIED.matcher(log);
            while (m.find()) {
                units.add(m.group(1));
                applied += Integer.parseInt(m.group(2));
            }
        }
        // seven persistence units (filing, identity, photo, certificate, notice, verification, audit) on two nodes
        assertThat(units).as("every unit current on both nodes").hasSize(14);
        assertThat(applied).as("each change set applied by one node").isEqualTo(changeSets.size());
        assertThat(creators).as("one initial system admin, made by one node").isEqualTo(1);
    }

    /** The status of a GET, or 0 while nothing listens yet. */
    private static int status(Api api, String path) {
        try {
            return api.get(path).status();
        } catch (java.io.UncheckedIOException notListening) {
            return 0;
        }
    }
}
