package org.titlecert.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A backup, running or ended.
 *
 * @param id            its name, also its folder's name when the platform chose the folder
 * @param directory     where it is written
 * @param state         running, done or failed
 * @param phase         what it is doing: {@code DATABASE}, {@code CHECKING} (opening the copy, counting rows
 *                      and the files they refer to), {@code FILES}, {@code DONE}
 * @param databaseBytes the size of the database copy, once taken
 * @param rows          rows per table in the copy
 * @param files         files the copy's rows refer to, per area
 * @param filesCopied   files copied so far
 * @param bytesCopied   bytes of files copied so far
 * @param missing       referred-to files that the store did not have (named by SHA-256, at most 100)
 * @param error         why it failed, in Chinese
 */
public record BackupStatus(String id, String directory, State state, String phase, Instant startedAt,
                           Instant finishedAt, long databaseBytes, Map<String, Long> rows, Map<String, Long> files,
                           long filesCopied, long bytesCopied, List<String> missing, String error) {

    public enum State { RUNNING, DONE, FAILED }

    /** All files the copy's rows refer to. */
    public long totalFiles() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }
}
