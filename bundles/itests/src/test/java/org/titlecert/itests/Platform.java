package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution, started as a user starts it ({@code bin/karaf daemon}, which execs the JVM),
 * in its own copy with its own HTTP port. One instance is shared by all tests of this module.
 */
public final class Platform {

    private static Platform shared;
    /** Captcha answers readable, a short throttle cap, and anonymous rate limits out of the tests' way. */
    static final String IDENTITY_FOR_TESTS = "testHooks = true\nthrottleMaxDelaySeconds = 2\n"
            + "captchasPerMinute = 100000\nssoStartsPerMinute = 100000\n";

    private final Path home;
    private final int port;
    private Process process;
    private String maxHeap;
    private boolean collectorLog;
    private String database;

    private Platform(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** The module's shared platform, booted on first use and stopped when the test JVM ends. */
    public static synchronized Platform shared() {
        if (shared == null) {
            shared = create("shared");
            shared.configureForTests();
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** A fresh copy of the distribution with a free port, not yet started. */
    public static Platform create(String name) {
        Path dist = Path.of(System.getProperty("titlecert.dist"));
        Path home = Path.of(System.getProperty("titlecert.work")).resolve(name);
        try {
            deleteTree(home);
            copyTree(dist, home);
            int port = freePort();
            Path web = home.resolve("etc/org.ops4j.pax.web.cfg");
            Files.writeString(web, Files.readString(web)
                    .replace("org.osgi.service.http.port = 8181", "org.osgi.service.http.port = " + port));
            Platform platform = new Platform(home, port);
            if (PostgresCluster.enabled()) {
                PostgresCluster pg = PostgresCluster.shared();
                platform.database(pg.createDatabase(name), PostgresCluster.USER, pg.password());
            }
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Demo data on (as {@code titlecert-start --demo} does), test hooks on (captcha answers readable), a short throttle cap, a short photo history, and the
     * government SSO pointed at the test OpenID provider.
     */
    public void configureForTests() {
        try {
            Files.writeString(home.resolve("etc/org.titlecert.identity.cfg"), IDENTITY_FOR_TESTS);
            Files.writeString(home.resolve("etc/org.titlecert.photo.cfg"), "historyKept = 2\n");
            config("org.titlecert.demo", "enabled = true");
            config("org.titlecert.certificate", "publicBaseUrl = " + url(""), "checkPerMinute = 1000");
            config("org.titlecert.metrics", "sampleSeconds = 2");
            config("org.titlecert.verification", "lookupPerMinute = 120", "shareCodePerMinute = 120");
            Path secret = home.resolve("etc/oidc-client.secret");
            Files.writeString(secret, "test-client-secret\n");
            Files.writeString(home.resolve("etc/org.titlecert.oidc.cfg"), String.join("\n",
                    "enabled = true", "providerName = 测试政务服务网", "issuer = " + Sso.issuer(),
                    "clientId = " + Sso.CLIENT_ID, "clientSecretFile = " + secret,
                    "redirectUri = " + url("/login/sso/callback"), "idNumberClaim = id_number", "") );
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points the platform at a PostgreSQL database, as the README tells an operator to: the password in a file of
     * its own under {@code etc/}, and the data source configuration naming the driver, URL, user and that file.
     */
    public void database(String url, String user, String password) {
        database = url;
        try {
            Files.writeString(home.resolve("etc/titlecert-db.password"), password + "\n");
            config("org.ops4j.datasource-titlecert", "osgi.jdbc.driver.class = org.postgresql.Driver",
                    "url = " + url, "user = " + user, "password = $[secret:titlecert-db.password]",
                    "dataSourceName = titlecert", "pool = dbcp2", "xa = false", "pool.maxTotal = 16",
                    "pool.maxIdle = 8", "pool.testOnBorrow = true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the platform at a new database of this test JVM's PostgreSQL cluster, whatever the run's default. */
    public void usePostgresql(String name) {
        database(PostgresCluster.shared().createDatabase(name), PostgresCluster.USER, PostgresCluster.shared().password());
    }

    /**
     * A connection to the platform's database, as an operator's SQL tool opens one: PostgreSQL's at any time, the
     * embedded Derby's only while the platform is stopped (Derby lets one JVM at a time in; close with
     * {@link #closeDerby()} before starting the platform again).
     */
    public java.sql.Connection connectDatabase() throws java.sql.SQLException {
        return database == null ? java.sql.DriverManager.getConnection("jdbc:derby:" + derbyPath())
                : java.sql.DriverManager.getConnection(database + "?reWriteBatchedInserts=true", PostgresCluster.USER,
                        PostgresCluster.shared().password());
    }

    /**
     * Shuts this JVM's embedded Derby engine down on the platform's database, so that the platform may open it
     * (nothing to do on PostgreSQL).
     */
    public void closeDerby() {
        if (database != null) {
            return;
        }
        try {
            java.sql.DriverManager.getConnection("jdbc:derby:" + derbyPath() + ";shutdown=true").close();
            throw new IllegalStateException("Derby did not shut down " + derbyPath());
        } catch (java.sql.SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("Derby did not shut down " + derbyPath(), e);
            }
        }
    }

    private String derbyPath() {
        return home.resolve("data/titlecert/derby").toString();
    }

    /** The PostgreSQL database's JDBC URL, or null on the embedded Derby. */
    public String database() {
        return database;
    }

    /** Writes {@code etc/<pid>.cfg} in one move, as an operator's editor saves it; a running platform picks it up. */
    public void config(String pid, String... lines) {
        try {
            Path partial = home.resolve("etc/" + pid + ".cfg.partial");
            Files.writeString(partial, String.join("\n", lines) + "\n");
            Files.move(partial, home.resolve("etc/" + pid + ".cfg"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a bundle into {@code deploy/}, as an operator installs one into a running platform. */
    public Path deploy(Path bundle) {
        try {
            Path target = home.resolve("deploy").resolve(bundle.getFileName());
            Files.copy(bundle, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo accounts the platform wrote on first start. */
    public DemoAccounts accounts() {
        return DemoAccounts.read(home.resolve("data/demo-accounts.txt"));
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An anonymous API client. */
    public Api api() {
        return new Api(url(""));
    }

    /** An API client with the demo system API key: every scope, every unit. */
    public Api system() {
        return api().withKey(accounts().first("sysapi").secret());
    }

    /** Caps the Karaf JVM's heap (-Xmx through EXTRA_JAVA_OPTS), e.g. "256m", from the next start on. */
    public void maxHeap(String size) {
        this.maxHeap = size;
    }

    /**
     * Logs the Karaf JVM's collections (-Xlog:gc) to {@link #collectorLog()} from the next start on, so that a
     * benchmark can give the pauses within its window beside its latencies.
     */
    public void logCollector() {
        this.collectorLog = true;
    }

    /** Where {@link #logCollector()} writes. */
    public Path collectorLog() {
        return home.resolve("gc.log");
    }

    /** The Karaf JVM's process id, from the pid file Karaf writes. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts and waits until health reports UP; returns the seconds it took. */
    public double start() {
        long t0 = System.nanoTime();
        launch(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()), false);
        try {
            awaitHealthy(Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            // a platform that never came up must not live on into the next test, holding its files and port
            process.destroyForcibly();
            throw e;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Starts without waiting to be healthy, to watch a platform that cannot be ready yet; see {@link #awaitHealthy}. */
    public void startUnready() {
        launch(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()), false);
    }

    /**
     * Starts in the foreground with the Karaf console on a terminal, as an operator does with {@code bin/karaf}
     * (the terminal is a pseudo-terminal from util-linux {@code script}), and waits until health reports UP.
     */
    public Console startWithConsole() {
        Console console = new Console(launch(ProcessBuilder.Redirect.PIPE, true));
        awaitHealthy(Duration.ofSeconds(180));
        return console;
    }

    /** {@code bin/karaf daemon}, or with {@code console} the foreground console on a pseudo-terminal. */
    private Process launch(ProcessBuilder.Redirect output, boolean console) {
        try {
            Path bin = home.resolve("bin");
            try (Stream<Path> files = Files.list(bin)) {
                files.forEach(f -> f.toFile().setExecutable(true));
            }
            String karaf = bin.resolve("karaf").toString();
            ProcessBuilder builder = console
                    ? new ProcessBuilder("script", "-qfec", "stty cols 300 rows 50; exec '" + karaf + "'", "/dev/null")
                    : new ProcessBuilder(karaf, "daemon");
            // titlecert.platform.tests: the integration tests' JIT setting (C1 only: a platform of a test lives for
            // seconds to minutes, and C2 took a third of a start's processor time); empty for the benchmarks
            String extra = String.join(" ", java.util.stream.Stream.of(maxHeap == null ? null : "-Xmx" + maxHeap,
                    collectorLog ? "-Xlog:gc:file=" + collectorLog() : null,
                    System.getProperty("titlecert.platform.tests"), System.getProperty("titlecert.platform.jvm"))
                    .filter(s -> s != null && !s.isBlank()).toList());
            if (!extra.isEmpty()) {
                // -Dtitlecert.platform.jvm="-XX:StartFlightRecording=..." profiles the platform a benchmark runs
                builder.environment().put("EXTRA_JAVA_OPTS", extra);
            }
            builder.environment().put("TERM", "xterm");
            process = builder.directory(home.toFile()).redirectErrorStream(true).redirectOutput(output).start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops cleanly, as a SIGTERM from the service manager would. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops with {@code bin/stop}, as an operator does, and waits until the JVM has ended. */
    public void stopWithScript() {
        try {
            Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("console.log").toFile())).start();
            if (!stop.waitFor(60, TimeUnit.SECONDS) || stop.exitValue() != 0) {
                throw new IllegalStateException("bin/stop did not succeed");
            }
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the platform did not stop within 90 s of bin/stop");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the JVM at once, as a power cut would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public double restart() {
        stop();
        return start();
    }

    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + ", see " + home);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.body();
                if (r.statusCode() == 200 && last.contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("not healthy within " + timeout + ": " + last + " (see " + home + ")");
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nobody listens on now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a helper server started as {@code process} accepts connections; fails with its log if it dies. */
    static void awaitListening(String name, Process process, int port, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    String output;
                    try {
                        output = Files.readString(log);
                    } catch (IOException e) {
                        output = e.toString();
                    }
                    throw new IllegalStateException(name + " did not start: " + output);
                }
                sleep(100);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> paths = Files.walk(p)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
