package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Two platform nodes as a province deploys them: one PostgreSQL database, one S3 bucket, the same seals on each,
 * and one public address for QR codes. Node 1 loads the demo data; node 2 joins it.
 */
public final class TwoNodes implements AutoCloseable {

    public final S3Server s3;
    public final Platform one;
    public final Platform two;

    private TwoNodes(S3Server s3, Platform one, Platform two) {
        this.s3 = s3;
        this.one = one;
        this.two = two;
    }

    /**
     * Starts both; {@code publicBaseUrl} null means node 1's own address. {@code extra} lines go into both nodes'
     * {@code org.titlecert.certificate} configuration.
     */
    public static TwoNodes start(String name, String publicBaseUrl, String... extra) {
        S3Server s3 = S3Server.start(Path.of(System.getProperty("titlecert.work")).resolve(name + "-objects"));
        Platform one = Platform.create(name + "-1");
        Platform two = null;
        try {
            if (one.database() == null) {
                // a benchmark run on Derby: several nodes need the database server all the same
                one.usePostgresql(name);
            }
            one.configureForTests();
            String base = publicBaseUrl == null ? one.url("") : publicBaseUrl;
            configure(one, s3, name + "-1", base, extra);
            one.start();
            TestFixtures.awaitDemoSeals(one.system());

            two = Platform.create(name + "-2");
            two.database(one.database(), PostgresCluster.USER, PostgresCluster.shared().password());
            Files.writeString(two.home().resolve("etc/org.titlecert.identity.cfg"), Platform.IDENTITY_FOR_TESTS);
            configure(two, s3, name + "-2", base, extra);
            copySeals(one, two);
            two.start();
            return new TwoNodes(s3, one, two);
        } catch (IOException | RuntimeException e) {
            Stream.of(two, one).filter(Objects::nonNull).forEach(Platform::stop);
            s3.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void configure(Platform node, S3Server s3, String nodeName, String publicBaseUrl, String... extra) {
        node.config("org.titlecert.certificate", Stream.concat(Stream.of("publicBaseUrl = " + publicBaseUrl,
                "checkPerMinute = 1000", "nodeName = " + nodeName), Stream.of(extra)).toArray(String[]::new));
        s3.configure(node);
    }

    /** The seals on every node: the same keystores, images and trusted seal CA. */
    private static void copySeals(Platform from, Platform to) throws IOException {
        try (Stream<Path> etc = Files.list(from.home().resolve("etc"))) {
            for (Path f : etc.filter(f -> f.getFileName().toString().startsWith("org.titlecert.seal.")).toList()) {
                Files.copy(f, to.home().resolve("etc").resolve(f.getFileName()));
            }
        }
        Files.createDirectories(to.home().resolve("etc/titlecert-trust"));
        try (Stream<Path> trust = Files.list(from.home().resolve("etc/titlecert-trust"))) {
            for (Path f : trust.toList()) {
                Files.copy(f, to.home().resolve("etc/titlecert-trust").resolve(f.getFileName()));
            }
        }
    }

    /** The system API key of the demo data, at node 1 or node 2. */
    public Api system(Platform node) {
        return node.api().withKey(one.accounts().first("sysapi").secret());
    }

    /** A connection to the shared database. */
    public Connection database() throws SQLException {
        return one.connectDatabase();
    }

    @Override
    public void close() {
        Stream.of(two, one).filter(Objects::nonNull).forEach(Platform::stop);
        s3.close();
    }
}
