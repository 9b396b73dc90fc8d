package org.titlecert.clock.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert clock",
        description = "The zone in which today and every displayed time are computed")
@interface ClockConfig {

    String PID = "org.titlecert.clock";

    @AttributeDefinition(name = "Zone", description = "A time-zone ID, such as Asia/Shanghai")
    String zone() default "Asia/Shanghai";
}
