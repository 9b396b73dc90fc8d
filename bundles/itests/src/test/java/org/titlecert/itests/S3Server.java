package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server (S3Proxy over a folder, a process of its own) with one bucket, for the tests of the
 * platform's S3 file store. The objects are files under {@link #objects()}, so a test can see what was stored.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "titlecert-test";
    public static final String BUCKET = "titlecert";

    private final Path dir;
    private final int port;
    private final String secret;
    private final Process process;

    private S3Server(Path dir, int port, String secret, Process process) {
        this.dir = dir;
        this.port = port;
        this.secret = secret;
        this.process = process;
    }

    /** Starts a server in {@code dir} and waits until it accepts connections. */
    public static S3Server start(Path dir) {
        try {
            Files.createDirectories(dir.resolve("objects").resolve(BUCKET));
            int port = Platform.freePort();
            String secret = Long.toHexString(new java.security.SecureRandom().nextLong());
            Path config = dir.resolve("s3proxy.conf");
            Files.writeString(config, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + secret, "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dir.resolve("objects"), ""));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", System.getProperty("titlecert.s3proxy"),
                    "--properties", config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            Platform.awaitListening("S3Proxy", p, port, dir.resolve("s3proxy.log"));
            return new S3Server(dir, port, secret, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points a platform's file store at this server, as an operator's {@code etc/org.titlecert.store.cfg} does. */
    public void configure(Platform platform) {
        try {
            Path secretFile = platform.home().resolve("etc/titlecert-s3.secret");
            Files.writeString(secretFile, secret + "\n");
            platform.config("org.titlecert.store", "type = s3", "s3.endpoint = http://127.0.0.1:" + port,
                    "s3.region = cn-east-1", "s3.bucket = " + BUCKET, "s3.accessKey = " + ACCESS_KEY,
                    "s3.secretKeyFile = " + secretFile, "s3.pathStyle = true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bucket's objects as files: {@code <area>/ab/cd/<sha><extension>}. */
    public Path objects() {
        return dir.resolve("objects").resolve(BUCKET);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
