package org.titlecert.certificate;

import java.util.Set;

/**
 * A certificate found by its number, compared with what the asker holds of its holder.
 *
 * @param verification the public, masked answer
 * @param mismatched   the fields given that do not agree with the certificate; empty when all agree
 */
public record CertificateMatch(Verification verification, Set<Field> mismatched) {

    public CertificateMatch {
        mismatched = Set.copyOf(mismatched);
    }

    /** A field an asker compares. */
    public enum Field {
        NAME("姓名"), ID_NUMBER("身份证号");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
