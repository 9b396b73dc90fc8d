package org.titlecert.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;

/**
 * The individual's registration form, and the confirmation of self-registered individuals.
 * An ID number verified by the government SSO, or confirmed by a unit that holds the person's
 * roster entry, links the account to that person's titles; a self-declared one does not.
 */
@ProviderType
public interface RegistrationService {

    Profile profile(Caller caller);

    /**
     * Validates and saves the form; fails with {@code PROFILE_INVALID} and one violation per bad field,
     * in Chinese. Gender and birth date must match the ID number.
     */
    Profile save(Caller caller, Profile form);

    /** A system admin creates a confirmed local account for a person; returns its password, once. */
    NewSecret provision(Caller caller, Profile profile);

    /**
     * Self-registered individuals awaiting confirmation: for a unit admin, those who chose the unit on their form;
     * for a system admin, everyone. Filtered and paged in the database.
     */
    Page<PendingIndividual> pending(Caller caller, PageRequest page);

    /** Confirms an individual's ID number (单位审核通过), linking the account to the person's titles. */
    void confirm(Caller caller, long accountId);

    /** Refuses a registration (驳回) with a reason the person sees; they may correct the form and submit it again. */
    void reject(Caller caller, long accountId, String reason);

    /**
     * 注销账号: the calling individual's local password (not asked of an account that signs in only through the
     * government SSO) is checked as a login's is ({@code PASSWORD_WRONG}, throttled); nothing changes.
     */
    void confirmClosure(Caller caller, String password, String address);

    /**
     * Closes the calling individual's account: the account, its registration form and its sessions are erased;
     * what law keeps (roster entries, approval documents, issued certificates, the ID photo they carry, the audit
     * log) is not the account's and stays. Audited. Call {@link #confirmClosure} first.
     */
    void closeAccount(Caller caller);

    /** Records that the calling individual agrees to the current {@link PrivacyNotice}; audited. */
    void consentToPrivacyNotice(Caller caller);

    /** Why the caller's registration was refused, while it stands; empty otherwise. */
    Optional<String> rejection(Caller caller);
}
