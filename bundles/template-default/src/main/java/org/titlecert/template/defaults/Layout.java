package org.titlecert.template.defaults;

/** The configurable words on the default template. */
public record Layout(String heading, String subheading, String qrCaption) {

    public static Layout standard() {
        return new Layout("专业技术资格证书", "PROFESSIONAL AND TECHNICAL QUALIFICATION CERTIFICATE", "扫码验证真伪");
    }
}
