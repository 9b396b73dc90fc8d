package org.titlecert.jpa.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Liquibase's update on one connection, with nothing sent anywhere and the embedded Derby left running. */
final class Liquibases {

    private static final Logger LOG = LoggerFactory.getLogger(Liquibases.class);

    private final Connection connection;
    private final boolean releaseStaleLock;

    /**
     * @param releaseStaleLock true when the caller knows no other process is migrating now, so that a Liquibase
     *     lock found held was left by a process that died
     */
    Liquibases(Connection connection, boolean releaseStaleLock) {
        this.connection = connection;
        this.releaseStaleLock = releaseStaleLock;
    }

    /** Runs the changelog that {@code loader} finds at {@code changelog}; returns how many change sets ran. */
    int update(ClassLoader loader, String changelog) throws Exception {
        Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                AnalyticsArgs.ENABLED.getKey(), false);
        return Scope.child(scope, () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                derby.setShutdownEmbeddedDerby(false);
            }
            if (releaseStaleLock) {
                releaseStaleLock(database);
            }
            long before = ran();
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .execute();
            return (int) (ran() - before);
        });
    }

    private static void releaseStaleLock(Database database) throws Exception {
        LockService locks = LockServiceFactory.getInstance().getLockService(database);
        DatabaseChangeLogLock[] held = locks.listLocks();
        if (held.length > 0) {
            LOG.warn("Releasing the schema lock left by a process that stopped while migrating: {}",
                    Arrays.stream(held).map(l -> l.getLockedBy() + " since " + l.getLockGranted()).toList());
            locks.forceReleaseLock();
        }
    }

    /** The change sets recorded as run so far in this database. */
    private long ran() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException noTableYet) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return 0;
        }
    }
}
