package org.titlecert.certificate.internal;

import java.util.Collection;

/**
 * Told by the bundle's other components after they commit a change to certificates: their public answers are
 * dropped, and the generator is woken if any was queued.
 */
public interface CertificateChanges {

    void changed(Collection<String> tokens, boolean queued);
}
