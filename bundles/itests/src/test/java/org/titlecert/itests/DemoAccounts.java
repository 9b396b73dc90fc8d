package org.titlecert.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The platform's data/demo-accounts.txt: role, login, secret, scope. */
public record DemoAccounts(List<Account> all) {

    /** One line of the file. */
    public record Account(String role, String login, String secret, String scope) {
    }

    static DemoAccounts read(Path file) {
        try {
            List<Account> accounts = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    accounts.add(new Account(f[0], f[1], f[2], f[3]));
                }
            }
            return new DemoAccounts(accounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Account first(String role) {
        return all.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow();
    }

    public Account of(String role, String scope) {
        return all.stream().filter(a -> a.role().equals(role) && a.scope().equals(scope)).findFirst().orElseThrow();
    }

    public List<Account> all(String role) {
        return all.stream().filter(a -> a.role().equals(role)).toList();
    }
}
