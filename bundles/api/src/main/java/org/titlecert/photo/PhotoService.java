package org.titlecert.photo;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * ID photos. The owner, system admins, and admins of units whose approved filings hold the person may read a
 * person's photo; anyone else is answered as if there were none. Only the owner, a system admin, or the one unit
 * whose approved filings hold all of the person's certificates may replace it (else {@code PHOTO_FORBIDDEN}).
 * Bad files are refused with a stable code and a Chinese message, and nothing is stored.
 */
@ProviderType
public interface PhotoService {

    /** Event topic sent (synchronously) after a person's photo changes, with properties {@code personId} and {@code sha256}. */
    String TOPIC_CHANGED = "org/titlecert/photo/CHANGED";

    /** Stores a new photo for the person, cut and normalised as {@code edit} says. */
    PhotoInfo put(Caller caller, long personId, byte[] image, PhotoEdit edit);

    Optional<PhotoInfo> info(Caller caller, long personId);

    /** @throws org.titlecert.api.TitleCertException {@code PHOTO_NOT_FOUND} when there is none (or it is not the caller's to see) */
    Photo get(Caller caller, long personId);

    /**
     * Imports a ZIP of photos named by ID number (e.g. {@code 34010419900517555X.jpg}) for people on the
     * caller's unit's rosters; every file gets a line in the report, good files are stored, bad ones not. The
     * ZIP is read as it streams in, never held whole; every entry and every inflated byte counts against the
     * limits, skipped entries included.
     */
    List<ImportedPhoto> importZip(Caller caller, InputStream zip);

    /** The certificate photo size in pixels, width and height. */
    int[] size();
}
