package org.titlecert.seal.sm2;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert SM2 e-seal for OFD",
        description = "One electronic seal (GB/T 38540) for OFD certificates: etc/org.titlecert.seal.sm2-<name>.cfg. "
                + "The keystore password is read from a file.")
@interface Sm2SealConfig {

    String PID = "org.titlecert.seal.sm2";

    @AttributeDefinition(name = "Issuer", description = "The committee or issuing-authority code (or region) it seals for")
    String seal_issuer();

    @AttributeDefinition(name = "Keystore",
            description = "Path of the PKCS#12 file holding the seal holder's SM2 key and certificate chain")
    String keystore();

    @AttributeDefinition(name = "Password file", description = "Path of a file that holds only the keystore's password")
    String passwordFile();

    @AttributeDefinition(name = "Key alias", description = "Empty: the keystore's first key")
    String alias() default "";

    @AttributeDefinition(name = "Seal file",
            description = "The electronic seal (电子印章, .esl: SESeal v4, DER) the seal authority made for this holder")
    String sealFile();

    @AttributeDefinition(name = "service.ranking")
    int service_ranking() default 0;
}
