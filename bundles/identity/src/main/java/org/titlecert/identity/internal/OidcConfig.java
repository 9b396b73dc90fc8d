package org.titlecert.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert government SSO (OpenID Connect)",
        description = "Individuals log in through the provincial SSO, e.g. 安徽政务服务网")
@interface OidcConfig {

    String PID = "org.titlecert.oidc";

    boolean enabled() default false;

    @AttributeDefinition(name = "Provider name", description = "Shown on the login page")
    String providerName() default "政务服务网";

    @AttributeDefinition(name = "Issuer", description = "The OpenID provider's issuer URL; discovery is read from it")
    String issuer() default "";

    @AttributeDefinition(name = "Client id")
    String clientId() default "";

    @AttributeDefinition(name = "Client secret file", description = "A file holding only the client secret")
    String clientSecretFile() default "";

    @AttributeDefinition(name = "Redirect URI", description = "This platform's callback, e.g. https://host/login/sso/callback")
    String redirectUri() default "http://localhost:8181/login/sso/callback";

    String scope() default "openid profile";

    @AttributeDefinition(name = "ID number claim", description = "The ID token claim that carries the resident ID number")
    String idNumberClaim() default "id_number";

    String nameClaim() default "name";

    String mobileClaim() default "phone_number";
}
