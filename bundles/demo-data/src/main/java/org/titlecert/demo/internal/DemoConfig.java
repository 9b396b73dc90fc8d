package org.titlecert.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert demo data",
        description = "Realistic demo data, loaded once into an empty database")
@interface DemoConfig {

    String PID = "org.titlecert.demo";

    @AttributeDefinition(name = "Enabled", description = "Load the demo data on first start with an empty database. "
            + "Off unless an operator asks for it (bin/titlecert-start --demo); never in production")
    boolean enabled() default false;
}
