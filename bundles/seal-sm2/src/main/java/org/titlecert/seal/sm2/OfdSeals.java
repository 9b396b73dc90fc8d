package org.titlecert.seal.sm2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.bouncycastle.asn1.ASN1OctetString;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.ResourceLocator;
import org.titlecert.seal.SealCheck;
import org.titlecert.seal.SealReport;
import org.titlecert.sealkit.sm2.Sm2SealKit;

/**
 * Checks the electronic seals of an OFD (GB/T 38540, SES_Signature v4), each on its own: the files it protects
 * unchanged (their SM3 digests), its signature over them by the holder's certificate, the seal inside made and signed
 * by its maker and bound to that holder's certificate, and both the holder's and the maker's certificates issued by an
 * SM2 certification authority this platform trusts and valid when the seal was applied.
 */
public final class OfdSeals {

    private OfdSeals() {
    }

    public static SealReport verify(byte[] ofd, Collection<X509Certificate> trusted) {
        try (Scratch dir = Scratch.with("checked.ofd", ofd)) {
            try (OFDReader reader = new OFDReader(dir.file("checked.ofd"))) {
                ST_Loc list = reader.getDefaultDocSignaturesPath();
                if (list == null) {
                    return new SealReport(List.of(), false);
                }
                ResourceLocator rl = reader.getResourceLocator();
                rl.save();
                try {
                    rl.cd("/");
                    Signatures signatures = rl.get(list, Signatures::new);
                    rl.cd(list.parent());
                    List<SealCheck> checks = new ArrayList<>();
                    Set<String> lastProtected = Set.of();
                    for (org.ofdrw.core.signatures.Signature record : signatures.getSignatures()) {
                        Set<String> covered = new HashSet<>();
                        checks.add(check(rl, record.getBaseLoc(), trusted, covered));
                        lastProtected = covered;
                    }
                    return new SealReport(checks, !checks.isEmpty() && changedAfter(reader, lastProtected));
                } finally {
                    rl.restore();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            return new SealReport(List.of(new SealCheck(null, null, false, false, false,
                    "OFD 文件结构损坏，无法读取电子签章：" + e.getMessage())), true);
        }
    }

    private static SealCheck check(ResourceLocator rl, ST_Loc loc, Collection<X509Certificate> trusted,
                                   Set<String> covered) {
        String signer = null;
        Instant when = null;
        rl.save();
        try {
            Path signatureFile = rl.getFile(loc);
            org.ofdrw.core.signatures.sig.Signature sig = rl.get(loc, org.ofdrw.core.signatures.sig.Signature::new);
            rl.cd(loc.parent());
            SES_Signature ses = SES_Signature.getInstance(Files.readAllBytes(rl.getFile(sig.getSignedValue())));
            TBS_Sign tbs = ses.getToSign();
            X509Certificate holder = certificate(ses.getCert());
            signer = commonName(holder);
            when = tbs.getTimeInfo() == null ? null : tbs.getTimeInfo().getDate().toInstant();
            // the files it protects
            MessageDigest md = MessageDigest.getInstance(sig.getSignedInfo().getReferences().getCheckMethod(),
                    Sm2SealKit.BC);
            for (Reference ref : sig.getSignedInfo().getReferences().getReferences()) {
                covered.add(normal(ref.getFileRef().toString()));
                try (InputStream in = Files.newInputStream(rl.getFile(ref.getFileRef()))) {
                    md.reset();
                    byte[] actual = md.digest(in.readAllBytes());
                    if (!Arrays.equals(actual, ref.getCheckValue())) {
                        return new SealCheck(signer, when, false, false, false, "盖章后文件被改动：" + ref.getFileRef());
                    }
                }
            }
            // the holder's signature over the list of those files
            byte[] expected = tbs.getDataHash().getOctets();
            if (!Arrays.equals(MessageDigest.getInstance("SM3", Sm2SealKit.BC).digest(Files.readAllBytes(signatureFile)),
                    expected)) {
                return new SealCheck(signer, when, false, false, false, "签章范围（Signature.xml）被改动");
            }
            Signature verify = Signature.getInstance(ses.getSignatureAlgID().getId(), Sm2SealKit.BC);
            verify.initVerify(holder);
            verify.update(tbs.getEncoded("DER"));
            if (!verify.verify(ses.getSignature().getOctets())) {
                return new SealCheck(signer, when, false, false, false, "签章签名值不符，签章数据被改动");
            }
            // the seal inside: made by its maker, for this holder
            SESeal seal = tbs.getEseal();
            X509Certificate maker = certificate(seal.getCert());
            Signature made = Signature.getInstance(seal.getSignAlgID().getId(), Sm2SealKit.BC);
            made.initVerify(maker);
            made.update(seal.geteSealInfo().getEncoded("DER"));
            if (!made.verify(seal.getSignedValue().getOctets())) {
                return new SealCheck(signer, when, false, false, false, "印章数据（图像或属性）被改动");
            }
            boolean bound = false;
            for (ASN1OctetString c : seal.geteSealInfo().getProperty().getCertList().getCerts()) {
                bound |= Arrays.equals(c.getOctets(), holder.getEncoded());
            }
            if (!bound) {
                return new SealCheck(signer, when, false, false, false, "签章人证书与印章不符");
            }
            String untrusted = trust(holder, when, trusted) == null ? trust(maker, when, trusted) : trust(holder, when, trusted);
            return new SealCheck(signer, when, false, true, untrusted == null, untrusted);
        } catch (Exception e) {
            return new SealCheck(signer, when, false, false, false, "电子签章无法验证：" + e.getMessage());
        } finally {
            rl.restore();
        }
    }

    /** Why the certificate is not trusted, or {@code null}: it must be, or be issued by, a trusted SM2 authority. */
    private static String trust(X509Certificate cert, Instant when, Collection<X509Certificate> trusted) {
        Instant at = when == null ? Instant.now() : when;
        if (at.isBefore(cert.getNotBefore().toInstant()) || at.isAfter(cert.getNotAfter().toInstant())) {
            return "证书在盖章时不在有效期内：" + commonName(cert);
        }
        for (X509Certificate anchor : trusted) {
            if (anchor.equals(cert)) {
                return null;
            }
            if (anchor.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(anchor.getPublicKey(), Sm2SealKit.BC);
                    return null;
                } catch (GeneralSecurityException e) {
                    // another authority of the same name: try the next
                }
            }
        }
        return "签章证书不是由本平台信任的 SM2 电子印章证书机构签发：" + commonName(cert);
    }

    /** Whether the package has files that the last seal does not protect (its own files and the seal list aside). */
    private static boolean changedAfter(OFDReader reader, Set<String> lastProtected) throws IOException {
        Path root = reader.getWorkDir();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> normal(root.relativize(p).toString()))
                    .filter(p -> !p.contains("/Signs/") && !p.equals("OFD.xml"))
                    .anyMatch(p -> !lastProtected.contains(p));
        }
    }

    private static String normal(String loc) {
        String p = loc.replace('\\', '/');
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private static X509Certificate certificate(ASN1OctetString der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509", Sm2SealKit.BC)
                .generateCertificate(new ByteArrayInputStream(der.getOctets()));
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // the whole name below
        }
        return cert.getSubjectX500Principal().getName();
    }
}
