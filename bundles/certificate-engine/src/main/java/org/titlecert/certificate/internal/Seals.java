package org.titlecert.certificate.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.titlecert.seal.SealProvider;

/**
 * The seal providers of one format registered now. The best for an issuer is the highest-ranked provider for its own
 * code, else for its region; no provider means the certificate goes unsealed for that issuer.
 */
final class Seals {

    /** A registered provider with its service properties. */
    record Entry(SealProvider provider, String issuer, int ranking, long serviceId) {

        /** Identifies what sealed a PDF: when it changes, the issuer's certificates are sealed again. */
        String key() {
            return provider.id() + "@" + provider.revision();
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final String format;

    /** @param format the {@link SealProvider#FORMAT} kept; providers of other formats are left out */
    Seals(String format) {
        this.format = format;
    }

    /** Registers the provider if it is of this format, and returns its entry; {@code null} if it is not. */
    Entry add(SealProvider provider, Map<String, Object> props) {
        remove(provider);
        Object f = props.get(SealProvider.FORMAT);
        if (!format.equals(f == null ? "pdf" : f.toString().strip())) {
            return null;
        }
        Object issuer = props.get(SealProvider.ISSUER);
        Object ranking = props.get(Constants.SERVICE_RANKING);
        Object id = props.get(Constants.SERVICE_ID);
        Entry e = new Entry(provider, issuer == null ? "" : issuer.toString().strip(),
                ranking instanceof Integer i ? i : 0, id instanceof Long l ? l : Long.MAX_VALUE);
        entries.add(e);
        return e;
    }

    void remove(SealProvider provider) {
        entries.removeIf(e -> e.provider() == provider);
    }

    Optional<Entry> best(String code, String region) {
        Comparator<Entry> order = Comparator.comparingInt((Entry e) -> -e.ranking()).thenComparingLong(Entry::serviceId);
        Optional<Entry> own = entries.stream().filter(e -> code != null && e.issuer().equals(code)).min(order);
        return own.isPresent() ? own : entries.stream().filter(e -> region != null && e.issuer().equals(region)).min(order);
    }

    List<Entry> all() {
        return List.copyOf(entries);
    }
}
