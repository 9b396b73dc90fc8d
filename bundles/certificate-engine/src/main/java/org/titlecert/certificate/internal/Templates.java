package org.titlecert.certificate.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.titlecert.template.CertificateTemplate;

/**
 * The certificate templates of one format registered now. The best for a region is the highest {@code service.ranking};
 * between equal rankings a template for the region itself beats one for {@code *}, then the older service.
 */
final class Templates {

    /** A registered template with its service properties. */
    record Entry(CertificateTemplate template, String region, int ranking, long serviceId) {

        /** Identifies what made a PDF: when this changes, certificates are generated again. */
        String key() {
            return template.id() + "@" + template.revision();
        }

        boolean serves(String r) {
            return "*".equals(region) || region.equals(r);
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final String format;

    /** @param format the {@link CertificateTemplate#FORMAT} kept; templates of other formats are left out */
    Templates(String format) {
        this.format = format;
    }

    void add(CertificateTemplate template, Map<String, Object> props) {
        remove(template);
        Object f = props.get(CertificateTemplate.FORMAT);
        if (!format.equals(f == null ? CertificateTemplate.PDF : f.toString().strip())) {
            return;
        }
        Object region = props.get(CertificateTemplate.REGION);
        Object ranking = props.get(Constants.SERVICE_RANKING);
        Object id = props.get(Constants.SERVICE_ID);
        entries.add(new Entry(template, region == null ? "*" : region.toString().strip(),
                ranking instanceof Integer i ? i : 0, id instanceof Long l ? l : Long.MAX_VALUE));
    }

    void remove(CertificateTemplate template) {
        entries.removeIf(e -> e.template() == template);
    }

    boolean contains(Entry entry) {
        return entries.contains(entry);
    }

    Optional<Entry> best(String region) {
        return entries.stream().filter(e -> e.serves(region))
                .min(Comparator.comparingInt((Entry e) -> -e.ranking())
                        .thenComparing(e -> "*".equals(e.region()))
                        .thenComparingLong(Entry::serviceId));
    }

    List<Entry> all() {
        return List.copyOf(entries);
    }
}
