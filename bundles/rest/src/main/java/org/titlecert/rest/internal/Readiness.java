package org.titlecert.rest.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.titlecert.jpa.Schema;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;
import org.titlecert.template.CertificateTemplate;

/**
 * Whether this node can serve, check by check: {@code database} (answers within 2 s), {@code schema} (every domain
 * bundle's migrations done), {@code template} (a certificate template is there), {@code store} (the file store
 * takes a write and gives it back) and {@code started} (every bundle active, every TitleCert component ready, so
 * that start-up work such as loading demo data has finished). Needs none of the domain services, so that it
 * answers while they wait for the database or a migration.
 */
@Component(service = Readiness.class)
public final class Readiness {

    /** A probe writes to the store at most this often; between writes it repeats the last outcome. */
    private static final long STORE_CHECK_NANOS = 5_000_000_000L;

    @Reference(target = "(osgi.jndi.service.name=titlecert)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ContentStores store;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<CertificateTemplate> templates;

    @Reference
    private ServiceComponentRuntime scr;

    private final BundleContext context;
    private long storeCheckedAt;
    private boolean storeWritable;

    @Activate
    public Readiness(BundleContext context) {
        this.context = context;
    }

    /** Each check by name, in a fixed order; ready when all are true. */
    public Map<String, Boolean> checks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("database", databaseAnswers());
        checks.put("schema", pendingSchemas().isEmpty());
        checks.put("template", !templates.isEmpty());
        checks.put("store", storeWritable());
        checks.put("started", inactiveBundles().isEmpty() && notReadyComponents().isEmpty());
        return checks;
    }

    public static boolean ready(Map<String, Boolean> checks) {
        return !checks.containsValue(false);
    }

    boolean databaseAnswers() {
        DataSource ds = dataSource;
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Active bundles that own tables ({@value Schema#HEADER}) whose persistence unit is not yet current. */
    List<String> pendingSchemas() {
        Set<Long> current = new HashSet<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences("javax.persistence.EntityManagerFactory",
                    Schema.CURRENT);
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                current.add(ref.getBundle().getBundleId());
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getState() == Bundle.ACTIVE && b.getHeaders().get(Schema.HEADER) != null)
                .filter(b -> !current.contains(b.getBundleId()))
                .map(Bundle::getSymbolicName)
                .toList();
    }

    private synchronized boolean storeWritable() {
        ContentStores stores = store;
        if (stores == null) {
            return false;
        }
        if (storeCheckedAt == 0 || System.nanoTime() - storeCheckedAt > STORE_CHECK_NANOS) {
            storeCheckedAt = System.nanoTime();
            try {
                ContentStore probe = stores.area("health", ".probe");
                byte[] content = ("readiness " + System.nanoTime() + " " + Math.random())
                        .getBytes(StandardCharsets.US_ASCII);
                String sha = probe.put(content);
                storeWritable = Arrays.equals(probe.get(sha), content);
                probe.delete(sha);
            } catch (RuntimeException e) {
                storeWritable = false;
            }
        }
        return storeWritable;
    }

    List<String> inactiveBundles() {
        return Arrays.stream(context.getBundles())
                .filter(b -> !active(b))
                .map(b -> b.getSymbolicName() + " " + b.getVersion())
                .toList();
    }

    /** TitleCert components that are not active yet: unsatisfied, failed, or still activating. */
    List<String> notReadyComponents() {
        return scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("org.titlecert."))
                .filter(d -> scr.isComponentEnabled(d))
                .filter(d -> {
                    var configs = scr.getComponentConfigurationDTOs(d);
                    int wanted = d.immediate ? ComponentConfigurationDTO.ACTIVE
                            : ComponentConfigurationDTO.SATISFIED | ComponentConfigurationDTO.ACTIVE;
                    if (configs.isEmpty()) {
                        // a factory component nobody configured (no seal yet) is idle, not broken
                        return !"require".equals(d.configurationPolicy);
                    }
                    return configs.stream().anyMatch(c -> (c.state & wanted) == 0);
                })
                .map(d -> d.name)
                .toList();
    }

    private static boolean active(Bundle b) {
        boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
        return fragment ? b.getState() == Bundle.RESOLVED : b.getState() == Bundle.ACTIVE;
    }
}
