package org.titlecert.itests;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The Karaf console of a platform started in the foreground: commands typed at its terminal, and what it
 * printed with the terminal's control sequences taken out.
 */
public final class Console {

    private static final String PROMPT = "karaf@root()>";
    private static final Pattern CONTROL = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[=>]|\u001B\\][^\u0007]*\u0007|\r");

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuffer screen = new StringBuffer();

    Console(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        Thread reader = new Thread(() -> {
            // the reader decodes across reads, and returns what it has whenever the terminal pauses
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    screen.append(buf, 0, n);
                }
            } catch (IOException e) {
                screen.append("\n[console closed: ").append(e).append("]\n");
            }
        }, "karaf-console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Everything the console printed so far, as plain text. */
    public String text() {
        return CONTROL.matcher(screen).replaceAll("");
    }

    /** Types a command, waits for the next prompt and returns what the command printed. */
    public String run(String command) {
        awaitPrompt(0, Duration.ofSeconds(60));
        int mark = screen.length();
        type(command + "\r");
        int end = awaitPrompt(mark, Duration.ofSeconds(60));
        String out = CONTROL.matcher(screen.substring(mark, end)).replaceAll("");
        // the first line is the command as the line editor echoed it; the last holds the next prompt
        int firstLine = out.indexOf('\n');
        String body = firstLine < 0 ? "" : out.substring(firstLine + 1);
        int prompt = body.lastIndexOf(PROMPT);
        return (prompt < 0 ? body : body.substring(0, prompt)).replaceAll("(?m)^~\\s*$", "").strip();
    }

    /** Shuts the platform down from the console and waits for it to end. */
    public void shutdown() {
        type("shutdown -f\r");
        try {
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void type(String keys) {
        try {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a prompt printed after {@code from}; returns the offset just after it. */
    private int awaitPrompt(int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String raw = screen.substring(from);
            String plain = CONTROL.matcher(raw).replaceAll("");
            int firstLine = plain.indexOf('\n');
            if (from == 0 ? plain.contains(PROMPT) : firstLine >= 0 && plain.indexOf(PROMPT, firstLine) >= 0) {
                return screen.length();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the console ended: " + text());
            }
            Platform.sleep(100);
        }
        throw new AssertionError("no console prompt within " + timeout + "; the console shows:\n" + text());
    }
}
