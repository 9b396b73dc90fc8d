package org.titlecert.webui.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.titlecert.api.ResidentId;

/** Formats values for pages: times in the platform's zone, sizes in KB/MB. */
public final class Format {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Format(ZoneId zone) {
        this.zone = zone;
    }

    public String dateTime(Object t) {
        return t instanceof Instant i ? DATE_TIME.format(i.atZone(zone)) : "";
    }

    /** A date as yyyy-mm-dd; empty for anything else, so that templates may pass an absent value. */
    public String date(Object d) {
        return d instanceof LocalDate ld ? ld.toString() : d instanceof Instant i ? i.atZone(zone).toLocalDate().toString() : "";
    }

    /** An ID number as lists show it: first and last character only; in full only on a person's own page. */
    public String masked(String idNumber) {
        return idNumber == null ? "" : ResidentId.mask(idNumber);
    }

    public String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
