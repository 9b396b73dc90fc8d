package org.titlecert.seal.sm2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.NumberFormatAtomicSignID;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.titlecert.seal.SealException;
import org.titlecert.seal.SealPlacement;
import org.titlecert.template.Area;

/**
 * Applies one electronic seal to an OFD (GB/T 38540, SES_Signature v4: SM3 digests of the document's files, signed
 * with SM2 by the seal's holder, the seal itself and its image inside), at the place the template reserved. Further
 * seals may follow: each protects the document as it was sealed.
 */
final class Sm2Sealer {

    /** Millimetres per point: a template's places are in PDF points. */
    private static final double MM = 25.4 / 72;

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final SESeal seal;

    Sm2Sealer(PrivateKey key, X509Certificate certificate, byte[] esl) {
        this.key = key;
        this.certificate = certificate;
        this.seal = SESeal.getInstance(esl);
    }

    byte[] seal(byte[] ofd, SealPlacement placement) throws SealException {
        try (Scratch dir = Scratch.with("certificate.ofd", ofd)) {
            Path in = dir.file("certificate.ofd");
            ByteArrayOutputStream out = new ByteArrayOutputStream(ofd.length + 32 * 1024);
            try (OFDReader reader = new OFDReader(in);
                 OFDSigner signer = new OFDSigner(reader, out, new NumberFormatAtomicSignID())) {
                Area a = placement.area();
                ST_Box page = reader.getPageSize(a.page() + 1);
                signer.setSignMode(SignMode.ContinueSign);
                signer.setSignContainer(new SESV4Container(key, seal, certificate));
                signer.addApPos(new NormalStampPos(a.page() + 1, a.x() * MM, page.getHeight() - (a.y() + a.height()) * MM,
                        a.width() * MM, a.height() * MM));
                signer.exeSign();
            }
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SealException("OFD 电子签章失败：" + e.getMessage(), e);
        }
    }
}
