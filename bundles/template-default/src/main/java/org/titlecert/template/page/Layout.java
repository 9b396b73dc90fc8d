package org.titlecert.template.page;

import java.util.Map;
import java.util.Objects;

import org.osgi.framework.Version;
import org.titlecert.api.ResidentId;

/**
 * The configurable parts of the default template.
 *
 * @param maskIdNumber print the ID number with its middle hidden (340111********1587) instead of in full
 */
public record Layout(String heading, String subheading, String qrCaption, boolean maskIdNumber) {

    /** The configuration PID of the wording, which every format of the default certificate reads. */
    public static final String PID = "org.titlecert.template.default";

    public static Layout standard() {
        return new Layout("专业技术资格证书", "PROFESSIONAL AND TECHNICAL QUALIFICATION CERTIFICATE", "扫码验证真伪", false);
    }

    /** The wording as configured under {@link #PID}; what is not configured is {@link #standard()}'s. */
    public static Layout of(Map<String, ?> config) {
        Layout d = standard();
        return new Layout(text(config, "heading", d.heading()), text(config, "subheading", d.subheading()),
                text(config, "qrCaption", d.qrCaption()), "MASKED".equals(text(config, "idNumber", "FULL")));
    }

    private static String text(Map<String, ?> config, String key, String otherwise) {
        Object v = config.get(key);
        return v == null ? otherwise : v.toString();
    }

    /**
     * What a template made with this wording from a bundle of this version is: it changes when either does, and
     * certificates made with another revision are generated again.
     */
    public String revision(String release) {
        return release + "/" + Integer.toHexString(maskIdNumber
                ? Objects.hash(heading, subheading, qrCaption, true) : Objects.hash(heading, subheading, qrCaption));
    }

    /**
     * The bundle's release, without the build qualifier: a template that draws differently is released with a new
     * version, while building the same release again changes nothing that a certificate shows, and must not make a
     * province's certificates again.
     */
    public static String release(Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    /** The ID number as the certificate prints it. */
    public String printed(String idNumber) {
        return maskIdNumber ? ResidentId.maskMiddle(idNumber) : idNumber;
    }
}
