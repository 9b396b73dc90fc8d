package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests that run on PostgreSQL ({@code -Dtitlecert.database=postgresql}):
 * Debian's server binaries, {@code initdb} into a temporary directory, listening on loopback on a free port, with
 * a password login (SCRAM), stopped and deleted when the test JVM ends. As root it runs as the {@code postgres}
 * user (PostgreSQL refuses to run as root). Each platform gets a database of its own, as each gets its own Derby.
 */
public final class PostgresCluster {

    static final String USER = "titlecert";
    private static PostgresCluster shared;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String password;

    private PostgresCluster(Path dir, Path bin, int port, String password) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.password = password;
    }

    /** Whether this test JVM runs the platform on PostgreSQL. */
    public static boolean enabled() {
        return "postgresql".equals(System.getProperty("titlecert.database"));
    }

    /** The cluster of this test JVM, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /**
     * A cluster of its own, for a test that stops its server: the shared one's other users (and its warm caches)
     * are left alone. {@link #close} removes it.
     */
    public static PostgresCluster ofItsOwn() {
        return start();
    }

    /** Stops the server and removes its files. */
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** A new, empty database (dropped first if a platform of that name had one); its JDBC URL. */
    public String createDatabase(String name) {
        String db = "tc_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + db, e);
        }
        return url(db);
    }

    public String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    /** A connection as the cluster's owner, e.g. to look at what the platform wrote. */
    public Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(url(db), USER, password);
    }

    /** {@code pg_dump} of one database as plain SQL, without owners or grants, as an operator's backup takes it. */
    public void dump(String db, Path file) {
        client("pg_dump", "--no-owner", "--no-privileges", "-f", file.toString(), db);
    }

    /** Replays a plain SQL dump into a database with {@code psql}, stopping at the first error. */
    public void restore(String db, Path file) {
        client("psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), db);
    }

    private void client(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", USER));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static PostgresCluster start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("titlecert-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            String password = Long.toHexString(new java.security.SecureRandom().nextLong());
            Path pwfile = dir.resolve("password");
            Files.writeString(pwfile, password + "\n");
            if (root) {
                UserPrincipal pg = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, pg);
                Files.setOwner(pwfile, pg);
            }
            int port = Platform.freePort();
            PostgresCluster cluster = new PostgresCluster(dir, bin, port, password);
            cluster.run(root, "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + pwfile,
                    "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            cluster.resume();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a PostgreSQL cluster", e);
        }
    }

    /** Stops the server, keeping its data: the database goes away under whoever uses it. */
    public void pause() {
        run("root".equals(System.getProperty("user.name")), "pg_ctl", "-D", dir.resolve("data").toString(), "-m",
                "fast", "-w", "stop");
    }

    /** Starts the server (again) on its port and data. */
    public void resume() {
        run("root".equals(System.getProperty("user.name")), "pg_ctl", "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port
                        + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c max_connections=300" + statements(bin), "start");
    }

    /** pg_stat_statements, where the server has it: the benchmarks read what the platform's statements cost. */
    private static String statements(Path bin) {
        return Files.exists(bin.resolveSibling("lib").resolve("pg_stat_statements.so"))
                ? " -c shared_preload_libraries=pg_stat_statements" : "";
    }

    private void stop() {
        try {
            pause();
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the system cleans it
            }
        }
    }

    private void run(boolean asPostgres, String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("titlecert-pg-" + tool, ".log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
            }
            Files.delete(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server binaries: TITLECERT_PG_BIN, else the newest Debian cluster version, else pg_ctl on the PATH. */
    private static Path binaries() {
        String configured = System.getenv("TITLECERT_PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            var newest = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
            if (newest.isPresent()) {
                return newest.get();
            }
        } catch (IOException e) {
            // not Debian's layout: look on the PATH
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path ctl = Path.of(p, "pg_ctl");
            if (Files.isExecutable(ctl)) {
                try {
                    return ctl.toRealPath().getParent();
                } catch (IOException e) {
                    return ctl.getParent();
                }
            }
        }
        throw new IllegalStateException("The tests run on PostgreSQL too and need its server: install Debian's "
                + "postgresql (or set TITLECERT_PG_BIN), or skip that run with -Dtitlecert.postgresql.skip=true");
    }
}
