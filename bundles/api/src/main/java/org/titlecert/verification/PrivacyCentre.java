package org.titlecert.verification;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/** The individual's rights over their data (PIPL 第四十五条): to see and copy what the platform holds. */
@ProviderType
public interface PrivacyCentre {

    /** Everything held about the calling individual; the export is audited. */
    PersonalData export(Caller individual);

    /** The same, as a readable PDF with the ID photo, in Chinese. */
    byte[] exportPdf(Caller individual);
}
