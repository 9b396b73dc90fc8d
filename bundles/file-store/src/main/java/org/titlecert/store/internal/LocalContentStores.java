package org.titlecert.store.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.store.ContentStore;
import org.titlecert.store.ContentStores;
import org.titlecert.store.DeletionHold;

/**
 * The file store in local folders (or one shared volume that every node mounts), registered only when
 * {@code type = local}, the default: whichever implementation the configuration names is the only one there is,
 * so no service ever writes to a store the operator did not choose.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.titlecert.store.ContentStores")
@Component(immediate = true, service = {}, configurationPid = "org.titlecert.store")
@Designate(ocd = StoreConfig.class)
public class LocalContentStores implements ContentStores {

    private static final Logger LOG = LoggerFactory.getLogger(LocalContentStores.class);
    /** No write takes this long: older temporary files were left by a crash. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);

    private Path root;
    /** This installation: its host and folder. */
    private final String node = Integer.toHexString((hostName() + System.getProperty("karaf.base", "")).hashCode());
    private ServiceRegistration<ContentStores> registration;
    private final DeletionHold deletions = new DeletionHold();

    @Activate
    void activate(StoreConfig config) {
        if (!"local".equals(config.type().strip())) {
            return;
        }
        root = config.directory().isBlank() ? Path.of(System.getProperty("karaf.data", "data"))
                : Path.of(config.directory());
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        registration = context.registerService(ContentStores.class, this,
                new java.util.Hashtable<>(Map.of("store.type", "local")));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    @Override
    public ContentStore area(String name, String extension) {
        LocalContentStore store = new LocalContentStore(root.resolve(name), extension, node, deletions);
        int partial = store.removeIncomplete(ABANDONED);
        if (partial > 0) {
            LOG.info("Removed {} partly written files from {} left by an interrupted run", partial, name);
        }
        return store;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Override
    public DeletionHold.Hold holdDeletions() {
        return deletions.hold();
    }

    @Override
    public String location() {
        return root.toAbsolutePath().toString();
    }
}
