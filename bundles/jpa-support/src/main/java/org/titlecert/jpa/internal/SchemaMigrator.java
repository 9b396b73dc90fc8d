package org.titlecert.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.jpa.Schema;

/**
 * Brings each domain bundle's tables to its newest version before the bundle's components may use them. A bundle
 * names its changelog in its {@value Schema#HEADER} manifest header; when Aries JPA publishes the bundle's
 * persistence unit, this runs the changelog (Liquibase) and then publishes the same factory again with
 * {@value Schema#CURRENT}, the only one the bundle's components take. Migrations run one at a time in this JVM
 * and, on PostgreSQL, one node at a time: an advisory lock, which the server lets go when a node dies, guards
 * Liquibase's own lock, so that a lock left by a killed node is taken back instead of waited for. A migration that
 * fails (the database not there yet) is tried again every ten seconds; the unit stays unpublished meanwhile.
 */
@Component(immediate = true)
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    /** The PostgreSQL advisory lock every node takes around migrations ("TCSCHEMA"). */
    private static final long CLUSTER_LOCK = 0x5443534348454D41L;
    private static final long RETRY_SECONDS = 10;

    private final DataSource dataSource;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "titlecert-schema");
        t.setDaemon(true);
        return t;
    });
    /** Publishing activates the unit's components (demo data loads then): apart, so that migrations go on. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "titlecert-schema-publish");
        t.setDaemon(true);
        return t;
    });
    private final Map<ServiceReference<EntityManagerFactory>, Unit> units = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Activate
    public SchemaMigrator(@Reference(target = "(osgi.jndi.service.name=titlecert)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A persistence unit as Aries JPA publishes it: the ones this component publishes again are left out. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + Schema.PROPERTY + "=*))")
    void bindUnit(ServiceReference<EntityManagerFactory> ref, EntityManagerFactory emf) {
        Bundle bundle = ref.getBundle();
        String changelog = bundle == null ? null : bundle.getHeaders().get(Schema.HEADER);
        if (changelog == null) {
            return;
        }
        Unit unit = new Unit(ref, emf, bundle, changelog.strip());
        units.put(ref, unit);
        unit.task = worker.submit(() -> migrate(unit));
    }

    void unbindUnit(ServiceReference<EntityManagerFactory> ref) {
        Unit unit = units.remove(ref);
        if (unit != null) {
            unit.withdraw();
        }
    }

    @Deactivate
    void close() {
        closed = true;
        units.values().forEach(Unit::withdraw);
        units.clear();
        worker.shutdownNow();
        publisher.shutdownNow();
    }

    private void migrate(Unit unit) {
        if (closed || units.get(unit.ref) != unit) {
            return;
        }
        String name = (String) unit.ref.getProperty("osgi.unit.name");
        try {
            long t0 = System.nanoTime();
            int applied = migrate(unit.bundle.adapt(BundleWiring.class).getClassLoader(), unit.changelog);
            LOG.info("Schema of {} is current ({} change sets applied, {} ms)", name, applied,
                    (System.nanoTime() - t0) / 1_000_000);
            if (!closed) {
                publisher.execute(unit::publish);
            }
        } catch (Exception | LinkageError e) {
            LOG.error("Could not bring the schema of {} up to date from {}; trying again in {} s", name,
                    unit.changelog, RETRY_SECONDS, e);
            if (!closed) {
                unit.task = worker.schedule(() -> migrate(unit), RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs the changelog under the cluster lock; returns how many change sets it applied. */
    private int migrate(ClassLoader loader, String changelog) throws Exception {
        try (Connection lock = dataSource.getConnection(); Connection work = dataSource.getConnection()) {
            boolean exclusive = lockCluster(lock);
            try {
                return new Liquibases(work, exclusive).update(loader, changelog);
            } finally {
                if (isPostgresql(lock)) {
                    try (Statement s = lock.createStatement()) {
                        s.execute("SELECT pg_advisory_unlock(" + CLUSTER_LOCK + ")");
                    }
                }
            }
        }
    }

    /**
     * Waits for the right to migrate; true when no other process can hold Liquibase's lock now, so that one found
     * held was left by a process that died: on PostgreSQL once the advisory lock is ours, on embedded Derby always
     * (only one JVM can open its files, and this one migrates one unit at a time).
     */
    private static boolean lockCluster(Connection c) throws SQLException {
        if (isPostgresql(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + CLUSTER_LOCK + ")");
            }
            return true;
        }
        String url = c.getMetaData().getURL();
        return url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    private static boolean isPostgresql(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** One bundle's persistence unit: migrated once, then published again until it goes away. */
    private static final class Unit {
        final ServiceReference<EntityManagerFactory> ref;
        final EntityManagerFactory emf;
        final Bundle bundle;
        final String changelog;
        volatile Future<?> task;
        private ServiceRegistration<EntityManagerFactory> published;
        private boolean withdrawn;

        Unit(ServiceReference<EntityManagerFactory> ref, EntityManagerFactory emf, Bundle bundle, String changelog) {
            this.ref = ref;
            this.emf = emf;
            this.bundle = bundle;
            this.changelog = changelog;
        }

        synchronized void publish() {
            if (withdrawn || bundle.getBundleContext() == null) {
                return;
            }
            Dictionary<String, Object> props = new Hashtable<>();
            for (String key : ref.getPropertyKeys()) {
                if (!key.equals("service.id") && !key.equals("service.bundleid") && !key.equals("service.scope")
                        && !key.equals("objectClass")) {
                    props.put(key, ref.getProperty(key));
                }
            }
            props.put(Schema.PROPERTY, Schema.CURRENT_VALUE);
            published = bundle.getBundleContext().registerService(EntityManagerFactory.class, emf, props);
        }

        synchronized void withdraw() {
            withdrawn = true;
            if (task != null) {
                task.cancel(true);
            }
            if (published != null) {
                try {
                    published.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first, which took its services with it
                }
                published = null;
            }
        }
    }
}
