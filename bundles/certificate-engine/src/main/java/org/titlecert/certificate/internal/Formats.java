package org.titlecert.certificate.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.template.CertificateTemplate;

/**
 * What each region's certificates are issued as: the PDF always, and the OFD beside it where the region's
 * {@code formats} entry names it and an OFD template is installed. The formats of a certificate are made together,
 * from one claim, and recorded in one row, so that they never disagree.
 */
final class Formats {

    private static final Logger LOG = LoggerFactory.getLogger(Formats.class);

    /** The templates one certificate is made with: a PDF template, and an OFD template or {@code null}. */
    record Plan(Templates.Entry pdf, Templates.Entry ofd) {

        /** Identifies what made a certificate's files: when this changes, the certificate is generated again. */
        String key() {
            return ofd == null ? pdf.key() : pdf.key() + " + " + ofd.key();
        }
    }

    private final Templates pdf;
    private final Templates ofd;
    private final boolean ofdEverywhere;
    private final Map<String, Boolean> ofdByRegion = new HashMap<>();

    /**
     * @param entries {@code formats} or {@code region=formats}, formats a comma-separated list of {@code pdf} and
     *                {@code ofd}; a region's own entry wins. An entry may hold several, separated by {@code ;} (as a
     *                {@code .cfg} file gives one string: {@code formats = pdf; 34=pdf,ofd})
     */
    Formats(Templates pdf, Templates ofd, String[] entries) {
        this.pdf = pdf;
        this.ofd = ofd;
        boolean everywhere = false;
        for (String entry : java.util.Arrays.stream(entries).flatMap(e -> java.util.Arrays.stream(e.split(";")))
                .map(String::strip).filter(e -> !e.isEmpty()).toList()) {
            int eq = entry.indexOf('=');
            String region = eq < 0 ? "*" : entry.substring(0, eq).strip();
            boolean withOfd = false;
            boolean withPdf = false;
            for (String f : (eq < 0 ? entry : entry.substring(eq + 1)).split(",")) {
                String format = f.strip().toLowerCase(java.util.Locale.ROOT);
                withOfd |= CertificateTemplate.OFD.equals(format);
                withPdf |= CertificateTemplate.PDF.equals(format);
                if (!format.isEmpty() && !CertificateTemplate.OFD.equals(format)
                        && !CertificateTemplate.PDF.equals(format)) {
                    LOG.warn("formats: '{}' is not a format (pdf, ofd); left out of '{}'", format, entry);
                }
            }
            if (withOfd && !withPdf) {
                LOG.warn("formats: '{}' asks for OFD only; the PDF is what seals, checks and the QR code's page rest on, "
                        + "so it is issued as PDF and OFD", entry);
            }
            if ("*".equals(region)) {
                everywhere = withOfd;
            } else {
                ofdByRegion.put(region, withOfd);
            }
        }
        this.ofdEverywhere = everywhere;
    }

    /** Whether the region's certificates are issued as OFD too. */
    boolean ofd(String region) {
        return ofdByRegion.getOrDefault(region, ofdEverywhere);
    }

    /** What a certificate of the region is made with now; empty while no PDF template serves it. */
    Optional<Plan> plan(String region) {
        return pdf.best(region).map(p -> new Plan(p, ofd(region) ? ofd.best(region).orElse(null) : null));
    }

    /** Whether the template is still registered, in either format. */
    boolean contains(Templates.Entry entry) {
        return pdf.contains(entry) || ofd.contains(entry);
    }
}
