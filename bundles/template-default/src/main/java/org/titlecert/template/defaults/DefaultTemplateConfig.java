package org.titlecert.template.defaults;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "TitleCert default certificate template",
        description = "The A4 专业技术资格证书. cert.region and service.ranking may be set here too.")
@interface DefaultTemplateConfig {

    String PID = org.titlecert.template.page.Layout.PID;

    @AttributeDefinition(name = "Heading")
    String heading() default "专业技术资格证书";

    @AttributeDefinition(name = "Subheading", description = "The line under the heading; empty for none")
    String subheading() default "PROFESSIONAL AND TECHNICAL QUALIFICATION CERTIFICATE";

    @AttributeDefinition(name = "QR caption")
    String qrCaption() default "扫码验证真伪";

    @AttributeDefinition(name = "ID number", description = "How the certificate prints the holder's ID number: in full "
            + "(as the manual's certificate does) or with its middle hidden. A change generates every certificate again.",
            options = {@Option(label = "完整显示", value = "FULL"), @Option(label = "部分隐藏（340111********1587）", value = "MASKED")})
    String idNumber() default "FULL";
}
