package org.titlecert.filing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert filing registry", description = "Limits for roster imports and approval documents")
@interface FilingRegistryConfig {

    String PID = "org.titlecert.filing";

    @AttributeDefinition(name = "Largest approval document (MB)")
    int maxApprovalDocumentMb() default 20;

    @AttributeDefinition(name = "Most rows in one roster import")
    int maxRosterRows() default 100_000;

    @AttributeDefinition(name = "Most violations reported for a rejected import")
    int maxReportedViolations() default 500;
}
