package org.titlecert.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that a running platform sends its e-mail notices to: configured first, started when
 * the test wants it up, and both undone at the end.
 */
final class MailServer implements AutoCloseable {

    private final Platform platform;
    private final int port;
    private GreenMail mail;

    /** Points the platform's e-mail channel at a free port, with quick retries, and waits until the channel is there. */
    MailServer(Platform platform) throws IOException {
        this.platform = platform;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        platform.config("org.titlecert.notice", "retryBaseSeconds = 1", "maxAttempts = 60", "pollSeconds = 1");
        platform.config("org.titlecert.notice.smtp", "host = 127.0.0.1", "port = " + port,
                "from = 安徽省职称证书平台 <noreply@example.gov.cn>", "timeoutSeconds = 2");
        await("the e-mail channel", () -> channel("email").path("active").asBoolean());
    }

    MailServer start() {
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        mail.start();
        return this;
    }

    /** Waits until {@code count} messages have arrived in all, and returns them. */
    MimeMessage[] await(int count) {
        if (!mail.waitForIncomingEmail(30_000, count)) {
            throw new AssertionError("fewer than " + count + " e-mails within 30 s");
        }
        return mail.getReceivedMessages();
    }

    /** A notice channel's queue as system admins see it; empty if absent. */
    JsonNode channel(String name) {
        Api.Response r = platform.system().get("/api/v1/metrics/notices");
        for (JsonNode c : r.status() == 200 ? r.json() : Api.JSON.createArrayNode()) {
            if (c.get("channel").asText().equals(name)) {
                return c;
            }
        }
        return Api.JSON.createObjectNode();
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(platform.home().resolve("etc/org.titlecert.notice.smtp.cfg"));
        Files.deleteIfExists(platform.home().resolve("etc/org.titlecert.notice.cfg"));
        if (mail != null) {
            mail.stop();
        }
    }

    static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Platform.sleep(200);
        }
    }
}
