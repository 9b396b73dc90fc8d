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

    @AttributeDefinition(name = "Largest XLSX roster once unpacked (MB)",
            description = "An XLSX is a ZIP: what it inflates to is counted, so that a small file cannot unpack to gigabytes")
    int maxRosterInflatedMb() default 200;

    @AttributeDefinition(name = "Most violations reported for a rejected import")
    int maxReportedViolations() default 500;
}
