package org.titlecert.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.titlecert.seal.SealCheck;
import org.titlecert.seal.SealPlacement;
import org.titlecert.seal.SealProvider;
import org.titlecert.seal.SealRegistry;
import org.titlecert.seal.SealReport;
import org.titlecert.seal.SealVerifier;
import org.titlecert.template.Area;

/** Seals a blank test page with an issuer's seal and checks the result as the verification page would. */
@Service
@Command(scope = "titlecert", name = "seal-test", description = "Sign a test document with an issuer's seal and validate it")
public class SealTest implements Action {

    @Reference
    private SealRegistry seals;

    @Reference
    private SealVerifier verifier;

    @Argument(index = 0, name = "issuer", description = "committee or issuing-authority code", required = true)
    private String issuer;

    @Override
    public Object execute() throws Exception {
        SealProvider provider = seals.provider(issuer, null)
                .orElseThrow(() -> new IllegalArgumentException("no seal provider for " + issuer));
        byte[] sealed = provider.seal(blankPage(), new SealPlacement(new Area(0, 600, 92, 120, 120), null, "测试盖章"));
        SealReport report = verifier.verify(sealed);
        System.out.println("Provider: " + provider.id() + " (" + provider.identity().subject() + ")");
        System.out.println("Sealed test document: " + sealed.length + " bytes");
        for (SealCheck c : report.seals()) {
            System.out.printf("Seal by %s at %s: %s, %s%s%n", c.signer(), c.signingTime(),
                    c.intact() ? "intact" : "BROKEN", c.trusted() ? "trusted" : "NOT TRUSTED",
                    c.timestamped() ? ", timestamped" : "");
        }
        System.out.println(report.genuine() ? "OK" : "FAILED: the seal does not validate");
        return null;
    }

    private static byte[] blankPage() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())));
            doc.save(out);
            return out.toByteArray();
        }
    }
}
