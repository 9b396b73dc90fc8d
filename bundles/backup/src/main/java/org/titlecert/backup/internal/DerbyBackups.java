package org.titlecert.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.backup.BackupStatus;
import org.titlecert.backup.Backups;
import org.titlecert.store.ContentReferences;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;
import org.titlecert.store.DeletionHold;

/**
 * Backups of an embedded-Derby installation, one at a time, on a thread of their own while the platform serves:
 * <ol>
 * <li>deletions in the file store wait (a file that the snapshot refers to could otherwise be replaced and
 * deleted before it is copied);</li>
 * <li>Derby's online backup copies the database as of one moment;</li>
 * <li>the copy is opened and checked: rows per table, and the files its rows refer to ({@link ContentReferences}
 * of each bundle that keeps files);</li>
 * <li>exactly those files are copied, each checked against its SHA-256, and listed in {@code files.sha256};</li>
 * <li>the manifest {@code titlecert-backup.json} is written last: a folder without one is no backup.</li>
 * </ol>
 */
@Component(service = Backups.class, configurationPid = "org.titlecert.backup")
@Designate(ocd = BackupConfig.class)
public class DerbyBackups implements Backups {

    static final String MANIFEST = "titlecert-backup.json";
    static final String CHECKSUMS = "files.sha256";
    private static final Logger LOG = LoggerFactory.getLogger(DerbyBackups.class);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("'titlecert-'yyyyMMdd-HHmmss");
    private static final int KEPT = 20;

    @Reference(target = "(osgi.jndi.service.name=titlecert)")
    private DataSource dataSource;

    @Reference(target = "(osgi.jdbc.driver.name=derby)")
    private DataSourceFactory derby;

    @Reference
    private ContentStores stores;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ContentReferences> references;

    /** Backup folders are named by the time in the platform's zone. */
    @Reference(policyOption = ReferencePolicyOption.GREEDY, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformClock clock;

    @Reference
    private AuditLog audit;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "titlecert-backup");
        t.setDaemon(true);
        return t;
    });
    /** Newest first. */
    private final List<BackupRun> runs = new ArrayList<>();
    private Path root;
    private Manifests manifests;

    @Activate
    void activate(BackupConfig config) {
        root = (config.directory().isBlank() ? Path.of(System.getProperty("karaf.home", "."), "backups")
                : Path.of(config.directory())).toAbsolutePath().normalize();
        manifests = new Manifests(Path.of(System.getProperty("karaf.data", "data"), "titlecert", "last-backup.json"));
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public BackupStatus start(Caller caller) {
        allowed(caller);
        DateTimeFormatter folder = FOLDER.withZone(clock.zone());
        Path dir = root.resolve(folder.format(Instant.now()));
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(folder.format(Instant.now()) + "-" + i);
        }
        return start(caller, dir);
    }

    @Override
    public BackupStatus start(Caller caller, Path directory) {
        allowed(caller);
        embeddedDerby();
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !empty(dir))) {
            throw TitleCertException.invalid("BACKUP_DIRECTORY_NOT_EMPTY", "备份目录已存在且不为空：" + dir);
        }
        BackupRun run;
        synchronized (runs) {
            if (runs.stream().anyMatch(BackupRun::running)) {
                throw TitleCertException.conflict("BACKUP_RUNNING", "已有一个备份正在进行，请等它完成后再试");
            }
            run = new BackupRun(dir.getFileName().toString(), dir, caller.principal());
            runs.add(0, run);
            if (runs.size() > KEPT) {
                runs.remove(KEPT);
            }
        }
        worker.execute(() -> execute(run, caller));
        return run.status();
    }

    @Override
    public Optional<BackupStatus> find(Caller caller, String id) {
        allowed(caller);
        return recent(caller).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public List<BackupStatus> recent(Caller caller) {
        allowed(caller);
        synchronized (runs) {
            if (!runs.isEmpty()) {
                return runs.stream().map(BackupRun::status).toList();
            }
        }
        return manifests.last().map(List::of).orElse(List.of());
    }

    private static void allowed(Caller caller) {
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("BACKUP_FORBIDDEN", "只有系统管理员可以备份");
        }
    }

    private void embeddedDerby() {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw TitleCertException.busy("DATABASE_UNAVAILABLE", "数据库暂时无法访问，请稍后再备份", 30);
        }
        if (url == null || !url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby://")) {
            throw TitleCertException.conflict("BACKUP_NOT_EMBEDDED", "本平台的数据库不是内置数据库：请用数据库自身的工具"
                    + "（PostgreSQL 的 pg_dump 或 pg_basebackup）备份，并同时备份文件存储，见 docs/deployment.md");
        }
    }

    private void execute(BackupRun run, Caller caller) {
        Path dir = run.directory;
        try (DeletionHold.Hold hold = stores.holdDeletions()) {
            Files.createDirectories(dir);
            Path database = dir.resolve("database");
            try (Connection c = dataSource.getConnection();
                 CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                s.setString(1, database.toString());
                s.execute();
            }
            run.phase("CHECKING");
            Path copy = onlyFolder(database);
            Map<String, Long> rows = new TreeMap<>();
            Map<ContentReferences, TreeSet<String>> referred = new LinkedHashMap<>();
            try (Snapshot snapshot = new Snapshot(derby.createDriver(null), copy)) {
                rows.putAll(snapshot.rows());
                for (ContentReferences ref : references) {
                    referred.put(ref, snapshot.shas(ref.query()));
                }
            }
            Map<String, Long> files = new TreeMap<>();
            referred.forEach((ref, shas) -> files.merge(ref.area(), (long) shas.size(), Long::sum));
            run.counted(size(database), rows, files);
            run.phase("FILES");
            List<String> checksums = new ArrayList<>();
            for (Map.Entry<ContentReferences, TreeSet<String>> e : referred.entrySet()) {
                copyFiles(run, e.getKey(), e.getValue(), checksums);
            }
            Files.write(dir.resolve(CHECKSUMS), checksums, StandardCharsets.UTF_8);
            hold.close();
            run.done();
            manifests.write(dir.resolve(MANIFEST), run.status(), run.by);
            BackupStatus done = run.status();
            audit.record(caller, "BACKUP", dir.toString(), Outcome.SUCCESS, String.format("数据库 %d 字节，文件 %d 个 %d 字节%s",
                    done.databaseBytes(), done.filesCopied(), done.bytesCopied(),
                    done.missing().isEmpty() ? "" : "，缺失 " + done.missing().size() + " 个"));
            LOG.info("Backup {} done: database {} bytes, {} files {} bytes, {} missing", dir, done.databaseBytes(),
                    done.filesCopied(), done.bytesCopied(), done.missing().size());
        } catch (Exception e) {
            String why = e instanceof IOException && e.getMessage() != null && e.getMessage().contains("No space")
                    ? "磁盘空间不足" : e.getClass().getSimpleName() + ": " + e.getMessage();
            run.failed("备份失败：" + why);
            LOG.error("Backup {} failed", dir, e);
            audit.record(caller, "BACKUP", dir.toString(), Outcome.FAILURE, why);
        }
    }

    private void copyFiles(BackupRun run, ContentReferences ref, TreeSet<String> shas, List<String> checksums)
            throws IOException {
        ContentStore store = stores.area(ref.area(), ref.extension());
        for (String sha : shas) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the platform is stopping");
            }
            String name = "store/" + ref.area() + "/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha
                    + ref.extension();
            Path target = run.directory.resolve(name);
            Files.createDirectories(target.getParent());
            String actual;
            long bytes;
            try (InputStream in = store.open(sha);
                 DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
                 OutputStream out = Files.newOutputStream(target)) {
                bytes = digest.transferTo(out);
                actual = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                run.missing(ref.area() + "/" + sha);
                continue;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (!actual.equals(sha)) {
                Files.delete(target);
                run.missing(ref.area() + "/" + sha + " (内容与摘要不符)");
                continue;
            }
            checksums.add(sha + "  " + name);
            run.copied(bytes);
        }
    }

    private static Path onlyFolder(Path database) throws IOException {
        try (Stream<Path> s = Files.list(database)) {
            List<Path> folders = s.filter(Files::isDirectory).toList();
            if (folders.size() != 1) {
                throw new IOException("the database backup left " + folders.size() + " folders in " + database);
            }
            return folders.get(0);
        }
    }

    private static boolean empty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The database copy, opened on its own to be checked and counted, and closed again. */
    private static final class Snapshot implements AutoCloseable {

        private final Driver driver;
        private final String url;
        private final Connection connection;

        Snapshot(Driver driver, Path copy) throws SQLException {
            this.driver = driver;
            this.url = "jdbc:derby:" + copy;
            this.connection = driver.connect(url, new Properties());
        }

        Map<String, Long> rows() throws SQLException {
            Map<String, Long> rows = new TreeMap<>();
            List<String[]> tables = new ArrayList<>();
            try (ResultSet t = connection.getMetaData().getTables(null, null, "TC%", new String[] {"TABLE"})) {
                while (t.next()) {
                    if (t.getString("TABLE_NAME").startsWith("TC_")) {
                        tables.add(new String[] {t.getString("TABLE_SCHEM"), t.getString("TABLE_NAME")});
                    }
                }
            }
            for (String[] t : tables) {
                try (Statement s = connection.createStatement();
                     ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + t[0] + "\".\"" + t[1] + "\"")) {
                    r.next();
                    rows.put(t[1], r.getLong(1));
                }
            }
            return rows;
        }

        TreeSet<String> shas(String query) throws SQLException {
            TreeSet<String> shas = new TreeSet<>();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
                while (r.next()) {
                    if (r.getString(1) != null) {
                        shas.add(r.getString(1));
                    }
                }
            }
            return shas;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
            try {
                driver.connect(url + ";shutdown=true", new Properties());
            } catch (SQLException e) {
                if (!"08006".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
