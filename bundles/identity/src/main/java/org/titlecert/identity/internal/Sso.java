package org.titlecert.identity.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The configured government SSO provider; {@link #client()} is null when SSO is switched off. */
@Component(service = Sso.class, configurationPid = OidcConfig.PID)
@Designate(ocd = OidcConfig.class)
public class Sso {

    private volatile OidcConfig config;
    private volatile OidcClient client;

    @Activate
    @Modified
    void configure(OidcConfig c) {
        this.config = c;
        this.client = c.enabled() ? new OidcClient(c) : null;
    }

    OidcConfig config() {
        return config;
    }

    OidcClient client() {
        return client;
    }

    public String providerName() {
        return config.providerName();
    }
}
