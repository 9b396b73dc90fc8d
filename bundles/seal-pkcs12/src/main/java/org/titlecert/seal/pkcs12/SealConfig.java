package org.titlecert.seal.pkcs12;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert PKCS#12 e-seal",
        description = "One seal: etc/org.titlecert.seal.pkcs12-<name>.cfg. The keystore password is read from a file.")
@interface SealConfig {

    String PID = "org.titlecert.seal.pkcs12";

    @AttributeDefinition(name = "Issuer", description = "The committee or issuing-authority code (or region) it seals for")
    String seal_issuer();

    @AttributeDefinition(name = "Keystore", description = "Path of the PKCS#12 file holding the seal's key and certificate chain")
    String keystore();

    @AttributeDefinition(name = "Password file", description = "Path of a file that holds only the keystore's password")
    String passwordFile();

    @AttributeDefinition(name = "Key alias", description = "Empty: the keystore's first key")
    String alias() default "";

    @AttributeDefinition(name = "Seal image", description = "PNG with transparency, drawn where the seal goes")
    String image();

    @AttributeDefinition(name = "Position x (pt)", description = "With y and size, overrides the template's place; -1 keeps it")
    float x() default -1;

    @AttributeDefinition(name = "Position y (pt)")
    float y() default -1;

    @AttributeDefinition(name = "Size (pt)", description = "The seal's width and height; 119 pt is 42 mm")
    float size() default -1;

    @AttributeDefinition(name = "Timestamp server URL", description = "RFC 3161; empty for no timestamp (PAdES B-B)")
    String tsaUrl() default "";

    @AttributeDefinition(name = "service.ranking")
    int service_ranking() default 0;
}
