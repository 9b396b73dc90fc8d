package org.titlecert.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

/**
 * Deletions that wait while a backup copies files: a file that a row of the backup's snapshot refers to may be
 * replaced and deleted a moment later (a regenerated certificate, a pruned photo). While any hold is open,
 * {@link #delete} only notes the deletion; the last hold to close carries out every noted one. Shared by all
 * areas of a {@link ContentStores}.
 */
public final class DeletionHold {

    /** An open hold; closing it twice does nothing. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private int holds;
    private final List<Runnable> waiting = new ArrayList<>();

    /** Holds deletions until the returned hold is closed. */
    public synchronized Hold hold() {
        holds++;
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release();
            }
        };
    }

    /** Deletes the file now, or when the last hold closes. */
    public void delete(String sha, Consumer<String> deletion) {
        synchronized (this) {
            if (holds > 0) {
                waiting.add(() -> deletion.accept(sha));
                return;
            }
        }
        deletion.accept(sha);
    }

    /** How many deletions wait. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void release() {
        List<Runnable> due;
        synchronized (this) {
            if (--holds > 0) {
                return;
            }
            due = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (Runnable r : due) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // an orphan file costs space, not data
                LoggerFactory.getLogger(DeletionHold.class).warn("A deletion held during a backup failed", e);
            }
        }
    }
}
