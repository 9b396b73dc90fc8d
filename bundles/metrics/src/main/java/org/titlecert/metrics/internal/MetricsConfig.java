package org.titlecert.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.titlecert.metrics.cfg */
@ObjectClassDefinition(name = "TitleCert metrics")
public @interface MetricsConfig {

    @AttributeDefinition(description = "Seconds between two points of the dashboard's charts (/admin/system), which "
            + "show the last 360 points")
    int sampleSeconds() default 10;
}
