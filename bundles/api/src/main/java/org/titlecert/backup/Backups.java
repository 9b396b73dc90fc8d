package org.titlecert.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * Online, consistent backups of an embedded-Derby installation while it serves: the database as of one moment
 * and exactly the stored files that its rows refer to, each checked against its SHA-256, with a manifest that
 * {@code bin/titlecert-restore} reads. One backup at a time; system admins only. (On PostgreSQL the database is
 * backed up with its own tools, as {@code docs/deployment.md} describes.)
 */
@ProviderType
public interface Backups {

    /** Starts a backup into a new folder under the configured backup directory. */
    BackupStatus start(Caller caller);

    /** Starts a backup into the given folder, which must be absent or empty. */
    BackupStatus start(Caller caller, Path directory);

    /** A backup of this node by its id. */
    Optional<BackupStatus> find(Caller caller, String id);

    /** This node's backups, newest first: those since it started, else the last one it finished before. */
    List<BackupStatus> recent(Caller caller);
}
