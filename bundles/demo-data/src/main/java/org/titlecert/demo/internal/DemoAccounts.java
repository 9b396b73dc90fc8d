package org.titlecert.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.Profile;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.RegistrationService;
import org.titlecert.identity.Session;
import org.titlecert.identity.VerifierService;

/**
 * The demo's accounts, made once with the demo data and listed in {@code <karaf.data>/demo-accounts.txt}
 * (owner-readable only), one a line: {@code role<TAB>login<TAB>secret<TAB>scope}.
 */
final class DemoAccounts {

    /** A demo person who gets a local account, and the unit whose roster they are on. */
    record Individual(DemoPeople.Person person, String unitCode, String employer) {
    }

    private static final List<String> UNIT_SCOPES = List.of(Scopes.FILINGS_READ, Scopes.FILINGS_WRITE,
            Scopes.CERTIFICATES_READ, Scopes.CERTIFICATES_WRITE, Scopes.PERSONS_READ, Scopes.PERSONS_WRITE);

    private DemoAccounts() {
    }

    static void create(Caller demo, AdminAccountService admins, ApiKeyService keys, RegistrationService registration,
                       IdentityService identity, VerifierService verifiers, Map<String, Long> unitIds,
                       List<Individual> individuals, Path file)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# TitleCert demo accounts: role\tlogin\tsecret\tscope (unit code, ID number or system)");
        NewSecret sys = admins.create(demo, "demoadmin", "演示系统管理员", Role.SYSTEM_ADMIN, null, false);
        lines.add(line("sysadmin", sys.name(), sys.secret(), "system"));
        for (Map.Entry<String, Long> u : unitIds.entrySet()) {
            String unitName = DemoCatalog.UNITS.stream().filter(c -> c.code().equals(u.getKey())).findFirst()
                    .orElseThrow().name();
            NewSecret a = admins.create(demo, u.getKey().toLowerCase() + "_admin", unitName + " 管理员",
                    Role.UNIT_ADMIN, u.getValue(), false);
            lines.add(line("unitadmin", a.name(), a.secret(), u.getKey()));
        }
        int n = 0;
        for (Individual i : individuals) {
            DemoPeople.Person p = i.person();
            String mobile = "139" + String.format("%08d", 55_000_000 + n * 7919);
            NewSecret s = registration.provision(demo, new Profile(p.name(), p.idNumber(), mobile,
                    p.gender().label(), p.birthDate(), n % 2 == 0 ? "中共党员" : "群众", "汉族",
                    "person" + (n + 1) + "@example.com", "安徽省合肥市蜀山区长江西路" + (100 + n * 12) + "号",
                    LocalDate.of(Math.max(p.birthDate().getYear() + 22, 1988), 7, 1), "大学本科", null, null, "学士",
                    null, unitIds.get(i.unitCode()), Set.of(), true));
            lines.add(line("individual", s.name(), s.secret(), p.idNumber()));
            // each demo person signs in once and agrees to the privacy notice, as a real one does on first sign-in
            Session session = identity.loginIndividual(s.name(), s.secret(), null, null, null);
            registration.consentToPrivacyNotice(session.caller());
            identity.logout(session.token(), null);
            n++;
        }
        // an employer that checks certificates (查验单位), approved
        NewSecret v = verifiers.create(demo, "合肥演示人力资源服务有限公司", "91340104MA2T0HR70R", "张敏", "13955550123",
                "demo_hr", false);
        lines.add(line("verifier", v.name(), v.secret(), "91340104MA2T0HR70R"));
        NewSecret sysKey = keys.create(demo, "演示：全平台对接", null, Set.copyOf(Scopes.ALL));
        lines.add(line("sysapi", "apikey:" + sysKey.id(), sysKey.secret(), "system"));
        for (Map.Entry<String, Long> u : unitIds.entrySet()) {
            NewSecret k = keys.create(demo, "演示：" + u.getKey() + " 单位对接", u.getValue(), Set.copyOf(UNIT_SCOPES));
            lines.add(line("unitapi", "apikey:" + k.id(), k.secret(), u.getKey()));
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, lines);
    }

    private static String line(String role, String login, String secret, String scope) {
        return String.join("\t", role, login, secret, scope);
    }
}
