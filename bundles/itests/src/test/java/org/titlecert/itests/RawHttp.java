package org.titlecert.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 from a chosen loopback source address (127.0.0.0/8 all reaches the platform), so that a
 * test can act as a different client address, as an attacker's machine would be.
 */
final class RawHttp {

    /** A status, the response head and the body. */
    record Reply(int status, String head, String body) {

        /** A response header's value, or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        /** Every value of a response header. */
        java.util.List<String> headers(String name) {
            java.util.List<String> values = new java.util.ArrayList<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).strip());
                }
            }
            return values;
        }
    }

    private final String source;
    private final int port;
    private final java.util.Map<String, String> headers;

    RawHttp(String source, int port) {
        this(source, port, java.util.Map.of());
    }

    private RawHttp(String source, int port, java.util.Map<String, String> headers) {
        this.source = source;
        this.port = port;
        this.headers = headers;
    }

    /** The same client, sending this header on every request as well. */
    RawHttp with(String name, String value) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new RawHttp(source, port, h);
    }

    Reply postJson(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, body);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    private Reply send(String method, String path, String contentType, byte[] body) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
                        .append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String rest = split < 0 ? "" : text.substring(split + 4);
            return new Reply(status, split < 0 ? text : text.substring(0, split),
                    rest.substring(Math.max(0, rest.indexOf('{'))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
