package org.titlecert.identity;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;

/** Admin accounts; managed by system admins. Passwords are generated and shown once. */
@ProviderType
public interface AdminAccountService {

    List<AdminAccount> list(Caller caller);

    /**
     * Creates an admin; a unit admin needs a unit. Returns the generated password, once: a one-time password,
     * which the admin must change at first login.
     */
    default NewSecret create(Caller caller, String login, String displayName, Role role, Long unitId) {
        return create(caller, login, displayName, role, unitId, true);
    }

    /**
     * The same; {@code oneTime} false keeps the generated password as the account's own (the demo's accounts,
     * whose passwords the demo prints for trying the platform).
     */
    NewSecret create(Caller caller, String login, String displayName, Role role, Long unitId, boolean oneTime);

    void setEnabled(Caller caller, long id, boolean enabled);

    /** Sets a new generated one-time password, to be changed at the next login, and ends the account's sessions. */
    NewSecret resetPassword(Caller caller, long id);
}
