package org.titlecert.store.s3;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The file store in S3-compatible object storage ({@code etc/org.titlecert.store.cfg} with {@code type = s3}). */
@ObjectClassDefinition(name = "TitleCert file store on S3")
public @interface S3Config {

    @AttributeDefinition(name = "Type", description = "s3 selects this store")
    String type() default "local";

    @AttributeDefinition(name = "Endpoint", description = "e.g. https://oss.example.gov.cn; empty: AWS for the region")
    String s3_endpoint() default "";

    @AttributeDefinition(name = "Region")
    String s3_region() default "us-east-1";

    @AttributeDefinition(name = "Bucket", description = "Must exist; the platform never creates or removes buckets")
    String s3_bucket() default "titlecert";

    @AttributeDefinition(name = "Key prefix", description = "e.g. anhui/ when a bucket is shared")
    String s3_prefix() default "";

    @AttributeDefinition(name = "Access key ID")
    String s3_accessKey() default "";

    @AttributeDefinition(name = "Secret key file", description = "A file holding only the secret access key")
    String s3_secretKeyFile() default "";

    @AttributeDefinition(name = "Path-style addressing",
            description = "endpoint/bucket/key rather than bucket.endpoint/key; most S3-compatible stores want it")
    boolean s3_pathStyle() default true;
}
