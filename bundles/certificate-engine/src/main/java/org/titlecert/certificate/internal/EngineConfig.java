package org.titlecert.certificate.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "TitleCert certificate engine")
@interface EngineConfig {

    String PID = "org.titlecert.certificate";

    @AttributeDefinition(name = "Public base URL",
            description = "What QR codes point to: <base>/v/<token>. The address people reach the platform at.")
    String publicBaseUrl() default "http://localhost:8181";

    @AttributeDefinition(name = "Certificate number pattern",
            description = "Placeholders {region}, {year}, {committee}, {authority}, and {seq:N} last")
    String numberPattern() default "{region}{year}{committee}{seq:5}";

    @AttributeDefinition(name = "Patterns per region or committee",
            description = "Entries 'code=pattern', where code is a committee code or a region code; "
                    + "a committee's entry wins over its region's")
    String[] numberPatterns() default {};

    @AttributeDefinition(name = "Formats issued",
            description = "Entries 'formats' for every region, or 'region=formats' (a region's own entry wins), "
                    + "separated by ';' in a .cfg file (formats = pdf; 34=pdf,ofd; 35=ofd); formats 'pdf', 'pdf,ofd' or 'ofd'. The "
                    + "OFD (GB/T 33190) is made from the same record as the PDF, once the titlecert-template-ofd "
                    + "feature is installed; a change makes the region's certificates again")
    String[] formats() default {"pdf"};

    @AttributeDefinition(name = "Verifiable Credentials",
            description = "Issue each certificate's W3C Verifiable Credential 2.0 (a JWS), attached to the PDF and "
                    + "downloadable; revocation is published as Bitstring Status Lists")
    boolean credentials() default true;

    @AttributeDefinition(name = "Credential signing key",
            description = "This node's private P-256 key (a JWK file, readable by the platform's user only), made "
                    + "on first start if missing; its public key is published in the database. Empty: "
                    + "etc/titlecert-credential-key.jwk")
    String credentialKey() default "";

    @AttributeDefinition(name = "Workers", description = "Rendering threads; 0 for one per processor core")
    int workers() default 0;

    @AttributeDefinition(name = "Wait for a queued certificate (ms)",
            description = "How long a download waits for a certificate being generated before answering busy")
    int readyWaitMillis() default 3000;

    @AttributeDefinition(name = "Claim lease (s)",
            description = "After this, a certificate claimed by a node that stopped is taken over by another")
    int leaseSeconds() default 300;

    @AttributeDefinition(name = "Public verifications per client per minute", description = "Over all nodes")
    int verifyPerMinute() default 120;

    @AttributeDefinition(name = "Public verifications per client at once",
            description = "The burst one node allows before the client is slowed; 0: a quarter of the minute")
    int verifyBurst() default 0;

    @AttributeDefinition(name = "Verification answers kept in memory (s)",
            description = "A token checked again within this time is answered without the database. Every node "
                    + "forgets an answer when its certificate changes (revocation, a new version): the node that "
                    + "changed it at once, the others sharing the database within about a second; this time only "
                    + "bounds an answer whose change a node could not hear of. 0: always ask the database")
    int verifyCacheSeconds() default 60;

    @AttributeDefinition(name = "Largest export (certificates)")
    int maxExport() default 5000;

    @AttributeDefinition(name = "Largest PDF to check (MB)", description = "A sealed certificate is about 200 KB")
    int maxCheckMb() default 5;

    @AttributeDefinition(name = "Largest correction evidence (MB)",
            description = "The PDF a unit attaches to a correction (更正证明材料)")
    int maxEvidenceMb() default 10;

    @AttributeDefinition(name = "PDF checks per client per minute",
            description = "Checking an uploaded PDF costs far more than a lookup, so it has its own, stricter limit")
    int checkPerMinute() default 20;

    @AttributeDefinition(name = "PDF checks at once", description = "Across all clients; further checks answer busy")
    int checkConcurrency() default 2;

    @AttributeDefinition(name = "Most signatures in a checked PDF",
            description = "A certificate carries two seals; a PDF with more is refused before any is verified")
    int checkMaxSignatures() default 4;

    @AttributeDefinition(name = "Trusted seal certificates",
            description = "Folder of CA or seal certificates (PEM or DER) that uploaded PDFs' seals must chain to; "
                    + "empty: etc/titlecert-trust")
    String trustDirectory() default "";

    @AttributeDefinition(name = "Node name", description = "Empty: host name and installation folder")
    String nodeName() default "";

    @AttributeDefinition(name = "电子证照 type name (证照类型名称)",
            description = "As the province's 电子证照 catalogue names certificates of this kind")
    String licenceTypeName() default "专业技术资格证书";

    @AttributeDefinition(name = "电子证照 type code (证照类型代码)",
            description = "The catalogue's code for this kind of certificate; empty: the metadata leaves it out")
    String licenceTypeCode() default "";

    @AttributeDefinition(name = "电子证照 holder code (持证主体代码)",
            description = "How a certificate's metadata gives the holder's ID number",
            options = {@Option(label = "完整", value = "FULL"),
                    @Option(label = "部分隐藏（340111********1587）", value = "MASKED"),
                    @Option(label = "SHA-256 摘要", value = "HASHED")})
    String licenceHolderCode() default "MASKED";
}
