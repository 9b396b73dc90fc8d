package org.titlecert.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert REST API", description = "The JSON API under /api/v1")
@interface RestConfig {

    String PID = "org.titlecert.rest";

    @AttributeDefinition(name = "Address", description = "Relative to the CXF servlet context (/api)")
    String address() default "/v1";

    @AttributeDefinition(name = "Largest request body (MB)", description = "Roster files and documents")
    int maxUploadMb() default 25;

    @AttributeDefinition(name = "Largest anonymous multipart upload (MB)",
            description = "The public PDF check as a form; the check itself takes at most its own limit (5 MB)")
    int maxAnonymousUploadMb() default 6;

    @AttributeDefinition(name = "Largest JSON or form body (KB)",
            description = "Every JSON request, anonymous ones included; uploads have limits of their own")
    int maxJsonKb() default 512;
}
