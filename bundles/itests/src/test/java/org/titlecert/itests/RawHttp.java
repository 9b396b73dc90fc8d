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

    /** A status and body. */
    record Reply(int status, String body) {
    }

    private final String source;
    private final int port;

    RawHttp(String source, int port) {
        this.source = source;
        this.port = port;
    }

    Reply postJson(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String rest = split < 0 ? "" : text.substring(split + 4);
            return new Reply(status, rest.substring(Math.max(0, rest.indexOf('{'))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
