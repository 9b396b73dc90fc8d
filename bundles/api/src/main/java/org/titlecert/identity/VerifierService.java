package org.titlecert.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;

/**
 * 查验单位: organisations apply with their 统一社会信用代码, a system admin approves or refuses them, and an
 * approved one's account logs in as a {@link org.titlecert.api.Role#VERIFIER}.
 */
@ProviderType
public interface VerifierService {

    /**
     * Files an application (captcha required). Every field is checked, the credit code's check character too;
     * a credit code that already has an application pending or approved is refused, as is a login in use.
     */
    Verifier apply(VerifierApplication application, String address);

    /**
     * A system admin registers an organisation directly, approved at once, with a generated password shown this
     * once ({@code oneTime}: to be changed at the first login). The fields are checked as for {@link #apply}.
     */
    NewSecret create(Caller caller, String name, String creditCode, String contactName, String contactMobile,
                     String login, boolean oneTime);

    /** The applications, newest first, optionally of one status; system admins only. */
    Page<Verifier> list(Caller caller, VerifierStatus status, PageRequest page);

    /** Approves a pending application: its account can log in from now on. System admins only. */
    Verifier approve(Caller caller, long id);

    /**
     * Refuses a pending application, or stops an approved verifier (its sessions end at once), with a reason the
     * organisation is shown when it next tries to log in. System admins only.
     */
    Verifier reject(Caller caller, long id, String reason);

    /** The verifier a {@link org.titlecert.api.Role#VERIFIER} caller acts for; empty for anyone else. */
    Optional<Verifier> of(Caller caller);

    /**
     * An API key for the calling verifier's own systems (scope {@code verify}: 批量核验 and its reports), shown this
     * once. Only the verifier's signed-in account makes, lists and revokes its keys; a stopped verifier's keys stop.
     */
    NewSecret createApiKey(Caller verifier, String label);

    java.util.List<ApiKey> apiKeys(Caller verifier);

    void revokeApiKey(Caller verifier, long id);

    /** The approved verifier with this 统一社会信用代码, as a holder names one for a share code. */
    Optional<Verifier> approved(String creditCode);

    /** One application, whatever its status; system admins only. */
    Verifier get(Caller caller, long id);
}
