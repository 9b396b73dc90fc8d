package org.titlecert.template.page;

import org.titlecert.api.ResidentId;

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
    public String printed(String idNumber) {
        return maskIdNumber ? ResidentId.maskMiddle(idNumber) : idNumber;
    }
}
