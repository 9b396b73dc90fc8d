package org.titlecert.store.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
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

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The file store in S3-compatible object storage, registered only when {@code type = s3} and once the bucket
 * answers (checked every few seconds until it does): then every node reads and writes the same objects.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.titlecert.store.ContentStores")
@Component(immediate = true, service = {}, configurationPid = "org.titlecert.store")
@Designate(ocd = S3Config.class)
public class S3ContentStores implements ContentStores {

    private static final Logger LOG = LoggerFactory.getLogger(S3ContentStores.class);

    private S3Client s3;
    private String bucket;
    private String prefix;
    private String location;
    private volatile boolean active;
    private final DeletionHold deletions = new DeletionHold();
    private Thread waiting;
    private ServiceRegistration<ContentStores> registration;

    @Activate
    void activate(S3Config config) {
        if (!"s3".equals(config.type().strip())) {
            return;
        }
        bucket = config.s3_bucket().strip();
        prefix = config.s3_prefix().strip();
        location = (config.s3_endpoint().isBlank() ? "s3" : config.s3_endpoint().strip()) + "/" + bucket + "/" + prefix;
        s3 = client(config);
        active = true;
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        waiting = new Thread(() -> registerOnceTheBucketAnswers(context), "titlecert-store-s3");
        waiting.setDaemon(true);
        waiting.start();
    }

    private void registerOnceTheBucketAnswers(BundleContext context) {
        for (int attempt = 0; active; attempt++) {
            try {
                new S3ContentStore(s3, bucket, prefix, "", deletions).exists("0".repeat(64));
                synchronized (this) {
                    if (active) {
                        registration = context.registerService(ContentStores.class, this,
                                new Hashtable<>(Map.of("store.type", "s3")));
                        LOG.info("File store: S3 {}", location);
                    }
                }
                return;
            } catch (RuntimeException e) {
                if (attempt % 12 == 0) {
                    LOG.error("The S3 file store {} does not answer; trying again every 5 s: {}", location,
                            e.getMessage());
                }
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private static S3Client client(S3Config config) {
        String secret;
        try {
            secret = config.s3_secretKeyFile().isBlank() ? ""
                    : Files.readString(Path.of(config.s3_secretKeyFile()), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("s3.secretKeyFile cannot be read", e);
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(S3ContentStores.class.getClassLoader());
        try {
            S3ClientBuilder b = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Region.of(config.s3_region().strip()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(config.s3_accessKey().strip(), secret)))
                    .forcePathStyle(config.s3_pathStyle())
                    // S3-compatible stores do not all know the newer checksum headers
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            if (!config.s3_endpoint().isBlank()) {
                b.endpointOverride(URI.create(config.s3_endpoint().strip()));
            }
            return b.build();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            active = false;
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
        }
        if (waiting != null) {
            waiting.interrupt();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    public ContentStore area(String name, String extension) {
        return new S3ContentStore(s3, bucket, prefix + name + "/", extension, deletions);
    }

    @Override
    public DeletionHold.Hold holdDeletions() {
        return deletions.hold();
    }

    @Override
    public String location() {
        return location;
    }
}
