package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package) in front of platform nodes, round robin on every request, with the node that answered
 * in {@code X-TitleCert-Node} and per-node counts on its statistics page.
 */
final class Haproxy implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int statsPort;

    private Haproxy(Process process, int port, int statsPort) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
    }

    static Haproxy start(Path dir, int port, Map<String, Integer> nodes) {
        try {
            Files.createDirectories(dir);
            int statsPort = Platform.freePort();
            StringBuilder cfg = new StringBuilder(String.join("\n",
                    "global", "  maxconn 1024",
                    "defaults", "  mode http", "  timeout connect 5s", "  timeout client 120s",
                    "  timeout server 120s", "  option forwardfor",
                    "frontend titlecert", "  bind 127.0.0.1:" + port, "  default_backend nodes",
                    "backend nodes", "  balance roundrobin", "  option httpchk GET /api/health/ready",
                    "  http-response set-header X-TitleCert-Node %s", ""));
            nodes.forEach((name, p) -> cfg.append("  server ").append(name).append(" 127.0.0.1:").append(p)
                    .append(" check inter 1s\n"));
            cfg.append(String.join("\n", "listen stats", "  bind 127.0.0.1:" + statsPort, "  stats enable",
                    "  stats uri /stats", ""));
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, cfg);
            Process p = new ProcessBuilder(Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            Platform.awaitListening("HAProxy", p, port, dir.resolve("haproxy.log"));
            return new Haproxy(p, port, statsPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The 2xx answers each node gave through the balancer so far, from HAProxy's statistics (CSV). */
    Map<String, Long> answered() {
        try {
            String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> lines = csv.lines().toList();
            List<String> header = List.of(lines.get(0).replaceFirst("^# ", "").split(","));
            int name = header.indexOf("svname");
            int ok = header.indexOf("hrsp_2xx");
            Map<String, Long> counts = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f[0].equals("nodes") && !f[name].equals("BACKEND")) {
                    counts.put(f[name], Long.parseLong(f[ok]));
                }
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
