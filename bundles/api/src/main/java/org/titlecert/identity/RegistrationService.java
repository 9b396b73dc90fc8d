package org.titlecert.identity;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

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

    /** Self-registered individuals awaiting confirmation that this admin may confirm. */
    List<PendingIndividual> pending(Caller caller);

    /** Confirms an individual's ID number (单位审核通过), linking the account to the person's titles. */
    void confirm(Caller caller, long accountId);
}
