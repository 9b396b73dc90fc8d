package org.titlecert.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert identity", description = "Sessions, password hashing, login throttling")
@interface IdentityConfig {

    String PID = "org.titlecert.identity";

    @AttributeDefinition(name = "Session idle timeout (seconds)")
    int sessionIdleSeconds() default 1800;

    @AttributeDefinition(name = "Session lifetime (hours)", description = "A session ends this long after login")
    int sessionMaxHours() default 12;

    @AttributeDefinition(name = "Argon2id memory (KiB)", description = "At least 19456 (19 MiB)")
    int argon2MemoryKib() default 19456;

    @AttributeDefinition(name = "Argon2id iterations", description = "At least 2")
    int argon2Iterations() default 2;

    int argon2Parallelism() default 1;

    @AttributeDefinition(name = "Failures before throttling", description = "Per account and per address")
    int throttleThreshold() default 5;

    @AttributeDefinition(name = "Longest wait between attempts (seconds)")
    int throttleMaxDelaySeconds() default 60;

    @AttributeDefinition(name = "Failures are forgotten after (minutes)")
    int throttleWindowMinutes() default 15;

    @AttributeDefinition(name = "Captcha lifetime (seconds)")
    int captchaTtlSeconds() default 300;

    @AttributeDefinition(name = "Captchas per address per minute", description = "Anyone may ask for one")
    int captchasPerMinute() default 30;

    @AttributeDefinition(name = "SSO logins started per address per minute", description = "Anyone may start one")
    int ssoStartsPerMinute() default 20;

    @AttributeDefinition(name = "Test hooks", description = "Expose captcha answers to automated tests. Never in production.")
    boolean testHooks() default false;
}
