package org.titlecert.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert behind reverse proxies",
        description = "Which proxies' forwarding headers count, secure cookies and HSTS")
@interface HttpOriginConfig {

    String PID = "org.titlecert.http";

    @AttributeDefinition(name = "Trusted proxies",
            description = "Addresses or CIDR ranges (e.g. 10.0.0.5, 10.1.0.0/16) of the reverse proxies in front of "
                    + "the platform. Only their Forwarded / X-Forwarded-* headers are believed. Empty: none")
    String[] trustedProxies() default {};

    @AttributeDefinition(name = "Force secure cookies",
            description = "Treat every request as HTTPS (Secure, __Host- cookies and HSTS): for a TLS proxy that "
                    + "sends no X-Forwarded-Proto")
    boolean forceSecure() default false;

    @AttributeDefinition(name = "HSTS max-age (seconds)",
            description = "Strict-Transport-Security on secure responses; 0 sends none")
    long hstsMaxAgeSeconds() default 31_536_000;
}
