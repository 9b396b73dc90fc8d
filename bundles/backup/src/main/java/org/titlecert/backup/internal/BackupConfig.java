package org.titlecert.backup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.titlecert.backup.cfg */
@ObjectClassDefinition(name = "TitleCert backups")
public @interface BackupConfig {

    @AttributeDefinition(description = "Where backups asked for over REST or on the admin pages go, each in a folder "
            + "of its own named by its time; empty means backups/ in the installation folder. Put it on another "
            + "disk than data/.")
    String directory() default "";
}
