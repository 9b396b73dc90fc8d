package org.titlecert.webui.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * How far a 下载全部 has got, for the page that started it: the browser names the download with a random id and
 * asks for its progress while its own download manager receives the file. Kept per signed-in user, forgotten after
 * ten minutes; on another node a download is simply not known.
 */
final class DownloadProgress {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9]{8,32}");
    private static final long KEEP = TimeUnit.MINUTES.toNanos(10);

    /** Certificates in so far, of how many, and whether the ZIP is complete. */
    record State(int done, int total, boolean finished, long at) {
    }

    private final Map<String, State> downloads = new ConcurrentHashMap<>();

    void update(String user, String id, int done, int total, boolean finished) {
        long now = System.nanoTime();
        downloads.values().removeIf(s -> now - s.at() > KEEP);
        downloads.put(user + "\n" + id, new State(done, total, finished, now));
    }

    State get(String user, String id) {
        return downloads.get(user + "\n" + id);
    }
}
