package org.titlecert.verification;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/** The individual's rights over their data: to see and copy what the platform holds, and to close the account. */
@ProviderType
public interface PrivacyCentre {

    /** Everything held about the calling individual; the export is audited. */
    PersonalData export(Caller individual);

    /** The same, as a readable PDF with the ID photo, in Chinese. */
    byte[] exportPdf(Caller individual);

    /** What must be typed to confirm 注销账号. */
    String CLOSE_CONFIRMATION = "注销";

    /**
     * 注销账号 (PIPL 第四十七条): erases the account, the registration form, messages and their deliveries, share codes
     * and 查验记录; keeps what law keeps: roster entries and approval documents, issued certificates with their
     * versions and the ID photo they carry (人事档案资料), and the audit log. Needs the local password (not for an
     * account that signs in only through the government SSO) and {@link #CLOSE_CONFIRMATION} typed out
     * ({@code CLOSURE_NOT_CONFIRMED}).
     */
    void closeAccount(Caller individual, String password, String confirmation, String address);
}
