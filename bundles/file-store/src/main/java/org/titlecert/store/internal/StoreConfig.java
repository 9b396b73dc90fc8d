package org.titlecert.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the platform keeps its files ({@code etc/org.titlecert.store.cfg}). */
@ObjectClassDefinition(name = "TitleCert file store")
public @interface StoreConfig {

    @AttributeDefinition(name = "Type", description = "local: folders on this node (or a shared volume); "
            + "s3: S3-compatible object storage (feature titlecert-store-s3, settings s3.*)")
    String type() default "local";

    @AttributeDefinition(name = "Folder", description = "type local: the folder holding certificates/, photos/ "
            + "and approval-documents/; empty: the platform's data folder")
    String directory() default "";
}
