package org.titlecert.template.defaults;

/**
 * The configurable parts of the default template.
 *
 * @param maskIdNumber print the ID number with its middle hidden (340111********1587) instead of in full
 */
public record Layout(String heading, String subheading, String qrCaption, boolean maskIdNumber) {

    public static Layout standard() {
        return new Layout("专业技术资格证书", "PROFESSIONAL AND TECHNICAL QUALIFICATION CERTIFICATE", "扫码验证真伪", false);
    }

    /** The ID number as the certificate prints it. */
    String printed(String idNumber) {
        if (!maskIdNumber || idNumber == null || idNumber.length() < 11) {
            return idNumber;
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }
}
