package org.titlecert.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.NewSecret;

/**
 * On the first start, when no system admin exists, creates {@code sysadmin} with a generated password,
 * printed once on the console and left in {@code data/initial-admin.txt} (readable by the owner only)
 * for whoever started the platform in the background. Delete that file once read.
 */
@Component(immediate = true)
public class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    @Activate
    public FirstAdmin(@Reference AdminAccountService accounts) throws IOException {
        JpaAdminAccountService service = (JpaAdminAccountService) accounts;
        if (!service.noSystemAdmin()) {
            return;
        }
        NewSecret admin;
        try {
            admin = service.create(Caller.system("platform"), "sysadmin", "系统管理员", Role.SYSTEM_ADMIN, null);
        } catch (TitleCertException e) {
            if ("LOGIN_TAKEN".equals(e.code()) && !service.noSystemAdmin()) {
                // nodes started together on an empty database: another one made it, and holds its password
                LOG.info("The initial system admin was created by another node at the same moment");
                return;
            }
            throw e;
        }
        String text = "TitleCert initial system admin\nlogin: " + admin.name() + "\npassword: " + admin.secret()
                + "\nDelete this file after reading it.\n";
        Path file = Path.of(System.getProperty("karaf.data", "data"), "initial-admin.txt");
        Files.deleteIfExists(file);
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), text);
        System.out.println("\nTitleCert: initial system admin '" + admin.name() + "', password " + admin.secret()
                + " (also in " + file + "); a one-time password, to be changed at first login\n");
        LOG.warn("Created the initial system admin '{}'; its password is in {}", admin.name(), file);
    }
}
