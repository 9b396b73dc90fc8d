package org.titlecert.seal.sm2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.seal.SealReport;
import org.titlecert.seal.SealVerifier;
import org.titlecert.sealkit.sm2.Sm2SealKit;

/**
 * Checks an OFD's SM2 seals ({@link OfdSeals}) against the SM2 seal authorities in a trust folder of their own
 * ({@code etc/titlecert-trust-sm2}, PEM or DER): an SM2 certificate is not one the PDF seals' trust folder can read.
 */
@Component(service = SealVerifier.class, property = SealVerifier.FORMAT + "=ofd",
        configurationPid = OfdSealVerifier.Config.PID)
@Designate(ocd = OfdSealVerifier.Config.class)
public class OfdSealVerifier implements SealVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(OfdSealVerifier.class);

    @ObjectClassDefinition(name = "TitleCert SM2 seal check")
    public @interface Config {

        String PID = "org.titlecert.seal.sm2trust";

        @AttributeDefinition(name = "Trusted SM2 seal authorities",
                description = "Folder of SM2 CA certificates (PEM or DER) that OFD seals must chain to; empty: "
                        + "etc/titlecert-trust-sm2")
        String trustDirectory() default "";
    }

    private final Path trust;

    @Activate
    public OfdSealVerifier(Config config) {
        this(config.trustDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "titlecert-trust-sm2") : Path.of(config.trustDirectory()));
    }

    public OfdSealVerifier(Path trust) {
        this.trust = trust;
    }

    @Override
    public SealReport verify(byte[] ofd) {
        return OfdSeals.verify(ofd, anchors());
    }

    /** The folder's certificates, read at each check: a province adds an authority without a restart. */
    List<X509Certificate> anchors() {
        List<X509Certificate> anchors = new ArrayList<>();
        if (!Files.isDirectory(trust)) {
            return anchors;
        }
        try (Stream<Path> files = Files.list(trust)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (Certificate c : CertificateFactory.getInstance("X.509", Sm2SealKit.BC).generateCertificates(in)) {
                        anchors.add((X509Certificate) c);
                    }
                } catch (GeneralSecurityException | IOException e) {
                    LOG.warn("{} is not a certificate (PEM or DER); left out of the trusted SM2 seal authorities", f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }
}
