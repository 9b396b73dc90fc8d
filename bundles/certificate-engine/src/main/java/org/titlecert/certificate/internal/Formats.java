package org.titlecert.certificate.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.template.CertificateTemplate;

/**
 * What each region's certificates are issued as: PDF, PDF and OFD, or OFD only, as the region's {@code formats} entry
 * says. The formats of a certificate are made together, from one claim, and recorded in one row, so that they never
 * disagree. Where a region asks for both and no OFD template is installed, its certificates are PDF only until one is;
 * where it asks for OFD only, nothing is made until an OFD template is installed.
 */
final class Formats {

    private static final Logger LOG = LoggerFactory.getLogger(Formats.class);

    /** The templates one certificate is made with: a PDF template or {@code null}, an OFD template or {@code null}. */
    record Plan(Templates.Entry pdf, Templates.Entry ofd) {

        /** Identifies what made a certificate's files: when this changes, the certificate is generated again. */
        String key() {
            return ofd == null ? pdf.key() : pdf == null ? ofd.key() : pdf.key() + " + " + ofd.key();
        }

        /** The template whose id the certificate records: the PDF's, or the OFD's where there is no PDF. */
        Templates.Entry main() {
            return pdf != null ? pdf : ofd;
        }
    }

    /** A region's formats. */
    private record Wanted(boolean pdf, boolean ofd) {
    }

    private static final Wanted PDF_ONLY = new Wanted(true, false);

    private final Templates pdf;
    private final Templates ofd;
    private Wanted everywhere = PDF_ONLY;
    private final Map<String, Wanted> byRegion = new HashMap<>();

    /**
     * @param entries {@code formats} or {@code region=formats}, formats a comma-separated list of {@code pdf} and
     *                {@code ofd}; a region's own entry wins. An entry may hold several, separated by {@code ;} (as a
     *                {@code .cfg} file gives one string: {@code formats = pdf; 34=pdf,ofd; 35=ofd})
     */
    Formats(Templates pdf, Templates ofd, String[] entries) {
        this.pdf = pdf;
        this.ofd = ofd;
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
            Wanted wanted = withOfd || withPdf ? new Wanted(withPdf, withOfd) : PDF_ONLY;
            if (!withOfd && !withPdf) {
                LOG.warn("formats: '{}' names no format; its certificates are issued as PDF", entry);
            }
            if ("*".equals(region)) {
                everywhere = wanted;
            } else {
                byRegion.put(region, wanted);
            }
        }
    }

    private Wanted wanted(String region) {
        return byRegion.getOrDefault(region, everywhere);
    }

    /** Whether the region's certificates are issued as OFD. */
    boolean ofd(String region) {
        return wanted(region).ofd();
    }

    /** Whether the region's certificates are issued as PDF. */
    boolean pdf(String region) {
        return wanted(region).pdf();
    }

    /** What a certificate of the region is made with now; empty while no template of a format it needs serves it. */
    Optional<Plan> plan(String region) {
        Wanted w = wanted(region);
        if (!w.pdf()) {
            return ofd.best(region).map(o -> new Plan(null, o));
        }
        return pdf.best(region).map(p -> new Plan(p, w.ofd() ? ofd.best(region).orElse(null) : null));
    }

    /** Whether any template is registered, of either format. */
    boolean any() {
        return !pdf.all().isEmpty() || !ofd.all().isEmpty();
    }

    /** Whether the template is still registered, in either format. */
    boolean contains(Templates.Entry entry) {
        return pdf.contains(entry) || ofd.contains(entry);
    }
}
