package org.titlecert.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.titlecert.audit.cfg */
@ObjectClassDefinition(name = "TitleCert audit log")
public @interface AuditConfig {

    /** The least an audit (网络安全等级保护) asks for: six months. */
    int MINIMUM_DAYS = 180;

    @AttributeDefinition(description = "Days an audit entry is kept; older ones are removed daily (the removal is "
            + "itself recorded). 0 keeps every entry; anything else is at least 180.")
    int retentionDays() default 0;
}
