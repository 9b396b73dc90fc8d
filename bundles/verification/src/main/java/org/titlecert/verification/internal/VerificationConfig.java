package org.titlecert.verification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert verification",
        description = "Public lookups by certificate number and name, share codes, and the holders' 查验记录")
@interface VerificationConfig {

    String PID = "org.titlecert.verification";

    @AttributeDefinition(name = "Lookups a minute", description = "证书查验 by number and name, per client address, over all nodes")
    int lookupPerMinute() default 20;

    @AttributeDefinition(name = "Share-code uses a minute", description = "Per client address, over all nodes")
    int shareCodePerMinute() default 10;

    @AttributeDefinition(name = "Active share codes", description = "At most this many valid codes per holder at once")
    int maxActiveShareCodes() default 10;

    @AttributeDefinition(name = "Check-log buffer",
            description = "Checks waiting to be written to 查验记录; when full (the database away), further ones are counted and not kept")
    int logBuffer() default 100_000;

    @AttributeDefinition(name = "Rows a batch", description = "批量核验: at most this many rows in one list")
    int batchMaxRows() default 5_000;

    @AttributeDefinition(name = "Files a batch", description = "批量核验: at most this many PDFs in one ZIP")
    int batchMaxFiles() default 500;

    @AttributeDefinition(name = "Megabytes a batch ZIP holds", description = "All its PDFs inflated; each at most 20 MB")
    int batchMaxInflatedMb() default 500;
}
