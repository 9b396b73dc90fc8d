package org.titlecert.rest.internal;

import java.util.List;
import java.util.Map;


import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.resource.ResourceManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.api.RequestOrigin;
import org.titlecert.audit.AuditLog;
import org.titlecert.backup.Backups;
import org.titlecert.metrics.Metrics;
import org.titlecert.metrics.MetricsReadout;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.FilingReports;
import org.titlecert.identity.PasswordResets;
import org.titlecert.notice.NoticeService;
import org.titlecert.verification.BatchVerification;
import org.titlecert.verification.PrivacyCentre;
import org.titlecert.verification.VerificationService;
import org.titlecert.seal.SealRegistry;
import org.titlecert.filing.FilingService;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.RegistrationService;
import org.titlecert.identity.VerifierService;
import org.titlecert.photo.PhotoService;
import org.titlecert.filing.OrganizationService;

/**
 * Publishes the JSON API on the CXF servlet (moved to /api), at {@code /api/v1}.
 * Resources are thin: they parse the request, call a domain service and shape the answer.
 */
@Component(immediate = true, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class RestServer {

    @Reference
    private FilingService filings;

    @Reference
    private OrganizationService organizations;

    @Reference
    private Readiness readiness;

    @Reference
    private IdentityService identity;

    @Reference
    private RegistrationService registration;

    @Reference
    private AdminAccountService admins;

    @Reference
    private ApiKeyService apiKeys;

    @Reference
    private AuditLog audit;

    @Reference
    private PhotoService photos;

    @Reference
    private CertificateService certificates;

    @Reference
    private CorrectionService corrections;

    @Reference
    private NoticeService notices;

    @Reference
    private VerificationService verification;

    @Reference
    private PrivacyCentre privacy;

    @Reference
    private VerifierService verifiers;

    @Reference
    private BatchVerification batches;

    @Reference
    private FilingReports reports;

    @Reference
    private PasswordResets resets;

    @Reference
    private SealRegistry seals;

    @Reference
    private RequestOrigin origin;

    @Reference
    private Backups backups;

    @Reference
    private Metrics metrics;

    @Reference
    private MetricsReadout metricsReadout;

    private Server server;
    private ResourceManager resources;
    private final ContextClassLoaderResolver classLoaders = new ContextClassLoaderResolver();

    @Activate
    void activate(BundleContext context, RestConfig config) {
        Bus bus = BusFactory.getDefaultBus();
        resources = bus.getExtension(ResourceManager.class);
        if (resources != null) {
            resources.addResourceResolver(classLoaders);
        }
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(config.address());
        // uploads may also come as multipart forms (generated clients send them so); UploadLimitFilter caps them
        // before CXF buffers a part, each service its own content as it reads
        factory.setProperties(Map.of("attachment-max-size", String.valueOf(UploadLimitFilter.SIGNED_IN_BYTES)));
        factory.setServiceBeans(List.of(
                new HealthResource(context, readiness),
                new OpenApiResource(),
                new OrganizationResource(organizations),
                new FilingResource(filings, certificates, notices, reports, config.maxUploadMb()),
                new CertificateResource(certificates, corrections),
                new CorrectionResource(corrections),
                new VerifyResource(verification, batches),
                new CredentialResource(certificates),
                new VerifierResource(verifiers, verification),
                new VerificationsResource(batches, config.maxUploadMb()),
                new SealResource(seals),
                new AuthResource(identity, resets, certificates),
                new MeResource(identity, registration, filings, certificates, photos, notices, verification,
                        config.maxUploadMb()),
                new PersonalDataResource(privacy),
                new AccountClosureResource(privacy),
                new PersonResource(filings, photos, resets, config.maxUploadMb()),
                new AdminResource(admins, apiKeys, registration, audit),
                new BackupResource(backups),
                new MetricsResource(metricsReadout, notices)));
        factory.setProviders(List.of(Json.provider(), new ParamConverters(), new OriginFilter(origin),
                new BodyLimitFilter(config.maxJsonKb()), new AuthFilter(identity),
                new UploadLimitFilter(config.maxAnonymousUploadMb()),
                new NoStoreFilter(), new RequestMetrics(metrics),
                new ErrorMappers.Domain(), new ErrorMappers.Web(), new ErrorMappers.Unexpected()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
        if (resources != null) {
            resources.removeResourceResolver(classLoaders);
        }
    }
}
