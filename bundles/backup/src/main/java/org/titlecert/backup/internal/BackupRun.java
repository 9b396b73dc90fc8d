package org.titlecert.backup.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.titlecert.backup.BackupStatus;
import org.titlecert.backup.BackupStatus.State;

/** A backup's progress, written by the backup thread and read by anyone. */
final class BackupRun {

    static final int MISSING_LISTED = 100;

    final String id;
    final Path directory;
    final String by;
    final Instant startedAt = Instant.now();
    private State state = State.RUNNING;
    private String phase = "DATABASE";
    private Instant finishedAt;
    private long databaseBytes;
    private Map<String, Long> rows = Map.of();
    private Map<String, Long> files = Map.of();
    private long filesCopied;
    private long bytesCopied;
    private final List<String> missing = new ArrayList<>();
    private String error;

    BackupRun(String id, Path directory, String by) {
        this.id = id;
        this.directory = directory;
        this.by = by;
    }

    synchronized void phase(String phase) {
        this.phase = phase;
    }

    synchronized void counted(long databaseBytes, Map<String, Long> rows, Map<String, Long> files) {
        this.databaseBytes = databaseBytes;
        this.rows = Map.copyOf(rows);
        this.files = Map.copyOf(files);
    }

    synchronized void copied(long bytes) {
        filesCopied++;
        bytesCopied += bytes;
    }

    synchronized void missing(String what) {
        if (missing.size() < MISSING_LISTED) {
            missing.add(what);
        }
    }

    synchronized void done() {
        state = State.DONE;
        phase = "DONE";
        finishedAt = Instant.now();
    }

    synchronized void failed(String error) {
        state = State.FAILED;
        this.error = error;
        finishedAt = Instant.now();
    }

    synchronized boolean running() {
        return state == State.RUNNING;
    }

    synchronized BackupStatus status() {
        return new BackupStatus(id, directory.toString(), state, phase, startedAt, finishedAt, databaseBytes,
                new java.util.TreeMap<>(rows), new java.util.TreeMap<>(files), filesCopied, bytesCopied,
                List.copyOf(missing), error);
    }
}
