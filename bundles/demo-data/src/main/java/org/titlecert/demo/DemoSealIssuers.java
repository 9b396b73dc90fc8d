package org.titlecert.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.titlecert.demo.internal.DemoSeals;

/**
 * The issuers the demo makes e-seals for (the first demo unit's committee and issuing authority), for demo seals of
 * other kinds made by the bundles that know how (SM2 seals on the OFD).
 */
public final class DemoSealIssuers {

    /**
     * An issuer with a demo seal.
     *
     * @param code    its committee or authority code, the seal's {@code seal.issuer}
     * @param name    its name, as the seal shows it
     * @param purpose the seal's purpose (评审专用章, 职称专用章)
     */
    public record Issuer(String code, String name, String purpose) {
    }

    private DemoSealIssuers() {
    }

    /** The issuers, if this installation's demo data made demo seals (a fresh demo database); else none. */
    public static List<Issuer> sealed(Path etc) {
        return Files.exists(DemoSeals.trust(etc)) ? DemoSeals.issuers() : List.of();
    }
}
