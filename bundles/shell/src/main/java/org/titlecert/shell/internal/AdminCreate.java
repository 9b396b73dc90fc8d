package org.titlecert.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.OrganizingUnit;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.NewSecret;

/**
 * Creates an admin account from the console and prints its generated password, once.
 * <pre>karaf@root()&gt; titlecert:admin-create --unit AHCZ zhangsan</pre>
 */
@Service
@Command(scope = "titlecert", name = "admin-create",
        description = "Create a system admin, or with --unit a unit admin, and print the password once")
public class AdminCreate implements Action {

    @Reference
    private AdminAccountService admins;

    @Reference
    private OrganizationService organizations;

    @Argument(index = 0, name = "login", description = "the new account's login", required = true)
    private String login;

    @Option(name = "--unit", description = "code of the organizing unit; makes a unit admin")
    private String unit;

    @Option(name = "--name", description = "the admin's name, shown in the UI")
    private String displayName;

    @Override
    public Object execute() {
        Long unitId = null;
        if (unit != null) {
            unitId = organizations.unitByCode(unit).map(OrganizingUnit::id)
                    .orElseThrow(() -> new IllegalArgumentException("no organizing unit with code " + unit));
        }
        NewSecret s = admins.create(Caller.system("console"), login, displayName,
                unitId == null ? Role.SYSTEM_ADMIN : Role.UNIT_ADMIN, unitId);
        System.out.println((unitId == null ? "System admin " : "Unit admin ") + s.name() + " created.");
        System.out.println("Password (shown once): " + s.secret());
        System.out.println("It is a one-time password: the admin chooses their own at first login.");
        return null;
    }
}
