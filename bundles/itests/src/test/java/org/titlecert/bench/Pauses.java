package org.titlecert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.titlecert.itests.Platform;

/**
 * The platform's collector pauses within a benchmark's window, read from its -Xlog:gc log (see
 * {@link Platform#logCollector()}): a latency's tail on a shared machine is mostly these, so they are reported with it.
 */
final class Pauses {

    private static final Pattern PAUSE = Pattern.compile("\\] GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms$");

    private final Path log;
    private final long from;

    private Pauses(Path log, long from) {
        this.log = log;
        this.from = from;
    }

    /** Starts a window at the log's end. */
    static Pauses from(Platform platform) {
        Path log = platform.collectorLog();
        try {
            return new Pauses(log, Files.exists(log) ? Files.size(log) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pauses logged since the window started, e.g. "collector: 6 pauses, 180 ms in all, the longest 41 ms". */
    String since() {
        int count = 0;
        double total = 0;
        double longest = 0;
        try {
            byte[] all = Files.readAllBytes(log);
            String text = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                Matcher m = PAUSE.matcher(line.strip());
                if (m.find()) {
                    double ms = Double.parseDouble(m.group(1));
                    count++;
                    total += ms;
                    longest = Math.max(longest, ms);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format("collector: %d pauses, %.0f ms in all, the longest %.0f ms", count, total, longest);
    }
}
