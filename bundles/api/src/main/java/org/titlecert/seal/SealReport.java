package org.titlecert.seal;

import java.util.List;

/**
 * The seals of a PDF.
 *
 * @param seals                one entry per signature, in the order they were applied
 * @param modifiedAfterSealing true if the file was changed after its last seal (a page added, text
 *                             changed in an incremental update)
 */
public record SealReport(List<SealCheck> seals, boolean modifiedAfterSealing) {

    public SealReport {
        seals = List.copyOf(seals);
    }

    /** True if there is at least one seal and every seal is intact and trusted, and nothing came after. */
    public boolean genuine() {
        return !seals.isEmpty() && !modifiedAfterSealing && seals.stream().allMatch(s -> s.intact() && s.trusted());
    }
}
