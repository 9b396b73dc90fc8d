package org.titlecert.shell.internal;

import java.nio.file.Path;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titlecert.api.Caller;
import org.titlecert.backup.BackupStatus;
import org.titlecert.backup.Backups;

/**
 * Takes an online backup and prints its progress until it ends.
 * <pre>karaf@root()&gt; titlecert:backup /mnt/backups/2026-12-02</pre>
 */
@Service
@Command(scope = "titlecert", name = "backup",
        description = "Back up the database and the files its rows refer to while the platform serves")
public class Backup implements Action {

    @Reference
    private Backups backups;

    @Argument(index = 0, name = "dir", description = "an absent or empty folder; without it, a new folder under "
            + "the configured backup directory")
    private String dir;

    @Override
    public Object execute() throws InterruptedException {
        Caller console = Caller.system("console");
        BackupStatus s = dir == null ? backups.start(console) : backups.start(console, Path.of(dir));
        System.out.println("Backing up into " + s.directory());
        String said = "";
        while (s.state() == BackupStatus.State.RUNNING) {
            Thread.sleep(500);
            s = backups.find(console, s.id()).orElseThrow();
            String now = progress(s);
            if (!now.equals(said)) {
                System.out.println(now);
                said = now;
            }
        }
        if (s.state() == BackupStatus.State.FAILED) {
            System.out.println(s.error());
            return null;
        }
        System.out.printf("Done: database %s, %d files %s, %d rows in %d tables%n", mb(s.databaseBytes()),
                s.filesCopied(), mb(s.bytesCopied()), s.rows().values().stream().mapToLong(Long::longValue).sum(),
                s.rows().size());
        for (Map.Entry<String, Long> area : s.files().entrySet()) {
            System.out.printf("  %-20s %d files%n", area.getKey(), area.getValue());
        }
        if (!s.missing().isEmpty()) {
            System.out.println("Missing from the file store (" + s.missing().size() + "): " + s.missing());
        }
        return null;
    }

    private static String progress(BackupStatus s) {
        return switch (s.phase()) {
            case "DATABASE" -> "  database ...";
            case "CHECKING" -> "  checking the database copy ...";
            case "FILES" -> String.format("  files %d / %d (%s)", s.filesCopied(), s.totalFiles(), mb(s.bytesCopied()));
            default -> "  " + s.phase().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
