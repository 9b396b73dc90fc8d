package org.titlecert.shell.internal;

import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.titlecert.api.PlatformClock;
import org.titlecert.seal.SealRegistry;

/** Lists every committee and issuing authority with the e-seals that seal for it: on the PDF, and SM2 on the OFD. */
@Service
@Command(scope = "titlecert", name = "seal-list", description = "Show each issuer and its seal provider")
public class SealList implements Action {

    @Reference
    private SealRegistry seals;

    @Reference
    private PlatformClock clock;

    @Override
    public Object execute() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Code");
        table.column("Name");
        table.column("Provider");
        table.column("Signer");
        table.column("Valid until");
        table.column("OFD seal (SM2)");
        table.column("OFD signer");
        for (SealRegistry.IssuerSeal s : seals.issuers()) {
            table.addRow().addContent(s.kind(), s.code(), s.name(), s.provider() == null ? "- (unsealed)" : s.provider(),
                    s.identity() == null ? "" : s.identity().subject(),
                    s.identity() == null ? "" : day.format(s.identity().notAfter()),
                    s.ofdProvider() == null ? "-" : s.ofdProvider(),
                    s.ofdIdentity() == null ? "" : s.ofdIdentity().subject());
        }
        table.print(System.out);
        return null;
    }
}
