package org.titlecert.notice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert e-mail notices (SMTP)",
        description = "Notices also go out by e-mail to holders who gave an address, while this configuration exists")
@interface SmtpConfig {

    String PID = "org.titlecert.notice.smtp";

    @AttributeDefinition(name = "SMTP host")
    String host();

    @AttributeDefinition(name = "SMTP port", description = "25, 587 with STARTTLS, 465 with TLS")
    int port() default 25;

    @AttributeDefinition(name = "TLS", description = "none, starttls (required), or tls (implicit, port 465)")
    String security() default "none";

    @AttributeDefinition(name = "User", description = "Empty for a relay that needs no login")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "From", description = "The sender, e.g. 安徽省职称证书平台 <noreply@rst.ah.gov.cn>")
    String from();

    @AttributeDefinition(name = "Timeout (s)", description = "For connecting, reading and writing; a dead server costs no more")
    int timeoutSeconds() default 10;
}
