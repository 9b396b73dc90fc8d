package org.titlecert.identity;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;

/** Admin accounts; managed by system admins. Passwords are generated and shown once. */
@ProviderType
public interface AdminAccountService {

    List<AdminAccount> list(Caller caller);

    /** Creates an admin; a unit admin needs a unit. Returns the generated password, once. */
    NewSecret create(Caller caller, String login, String displayName, Role role, Long unitId);

    void setEnabled(Caller caller, long id, boolean enabled);

    /** Sets a new generated password and ends the account's sessions. */
    NewSecret resetPassword(Caller caller, long id);
}
