package org.titlecert.notice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert notices",
        description = "The queue that delivers each notice through every channel that reaches its recipient")
@interface QueueConfig {

    String PID = "org.titlecert.notice";

    @AttributeDefinition(name = "First retry (s)",
            description = "A failed delivery is tried again after this, then after twice as long each time (at most an hour)")
    int retryBaseSeconds() default 30;

    @AttributeDefinition(name = "Attempts", description = "After this many failed attempts a delivery is given up (FAILED)")
    int maxAttempts() default 8;

    @AttributeDefinition(name = "Poll (s)", description = "How often each channel looks for due deliveries when not woken")
    int pollSeconds() default 5;

    @AttributeDefinition(name = "Lease (s)",
            description = "A delivery a node claimed and did not finish (the node died) is due again after this")
    int leaseSeconds() default 120;
}
