package org.titlecert.seal.pkcs12;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.seal.SealException;
import org.titlecert.seal.SealIdentity;
import org.titlecert.seal.SealPlacement;
import org.titlecert.seal.SealProvider;
import org.titlecert.template.Area;

/** One e-seal from a PKCS#12 keystore, configured by a factory configuration. */
@Component(service = SealProvider.class, configurationPid = SealConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SealConfig.class, factory = true)
public class Pkcs12SealProvider implements SealProvider {

    private static final COSName CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    private final String issuer;
    private final List<X509Certificate> chain;
    private final CadesSigner signer;
    private final VisibleSeal visible;
    private final Area position;
    private final String revision;
    private final int reserved;

    @Activate
    public Pkcs12SealProvider(SealConfig config) throws IOException, GeneralSecurityException {
        this(config.seal_issuer(), Path.of(config.keystore()), Files.readString(Path.of(config.passwordFile()),
                StandardCharsets.UTF_8).strip().toCharArray(), config.alias(), Path.of(config.image()),
                config.size() > 0 && config.x() >= 0 && config.y() >= 0
                        ? new Area(0, config.x(), config.y(), config.size(), config.size()) : null,
                config.tsaUrl().isBlank() ? null : new TimestampClient(URI.create(config.tsaUrl().strip())));
    }

    public Pkcs12SealProvider(String issuer, Path keystore, char[] password, String alias, Path image, Area position,
                       TimestampClient timestamps) throws IOException, GeneralSecurityException {
        this.issuer = issuer;
        KeyStore ks = KeyStore.getInstance("PKCS12");
        byte[] keystoreBytes = Files.readAllBytes(keystore);
        ks.load(new java.io.ByteArrayInputStream(keystoreBytes), password);
        String name = alias == null || alias.isBlank() ? org.titlecert.sealkit.SealKit.firstKey(ks) : alias;
        PrivateKey key = (PrivateKey) ks.getKey(name, password);
        if (key == null) {
            throw new GeneralSecurityException("no private key " + name + " in " + keystore);
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : ks.getCertificateChain(name)) {
            certs.add((X509Certificate) c);
        }
        this.chain = List.copyOf(certs);
        this.signer = new CadesSigner(key, chain, timestamps);
        byte[] imageBytes = Files.readAllBytes(image);
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(imageBytes));
        if (img == null) {
            throw new IOException("the seal image is not a PNG: " + image);
        }
        this.visible = new VisibleSeal(img);
        this.position = position;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(keystoreBytes);
        sha.update(imageBytes);
        sha.update(String.valueOf(position).getBytes(StandardCharsets.UTF_8));
        this.revision = HexFormat.of().formatHex(sha.digest(), 0, 8) + (timestamps == null ? "" : "+tsa");
        // reserve only what a signature of this key and chain takes, plus room for a timestamp token
        this.reserved = signer.sign(new byte[] {0}).length + 256 + (timestamps == null ? 0 : 8192);
    }

    @Override
    public String id() {
        return "pkcs12:" + issuer;
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public SealIdentity identity() {
        return SealIdentity.of(chain.get(0));
    }

    /** The configured position where it keeps clear of the QR code, else the template's place. */
    Area place(SealPlacement placement) throws SealException {
        Area area = position != null && (placement.avoid() == null || !position.overlaps(placement.avoid()))
                ? position : placement.area();
        if (area == null || placement.avoid() != null && area.overlaps(placement.avoid())) {
            throw new SealException("印章位置与二维码重叠，无法盖章", null);
        }
        return area;
    }

    @Override
    public byte[] seal(byte[] pdf, SealPlacement placement) throws SealException {
        Area area = place(placement);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(CADES_DETACHED);
            signature.setName(commonName());
            signature.setReason(placement.reason());
            signature.setSignDate(Calendar.getInstance());
            try (SignatureOptions options = new SignatureOptions()) {
                options.setVisualSignature(visible.template(doc.getPage(area.page()).getMediaBox(), area));
                options.setPage(area.page());
                options.setPreferredSignatureSize(reserved);
                doc.addSignature(signature, content -> signer.sign(content.readAllBytes()), options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + reserved * 2 + 65_536);
                doc.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new SealException("电子印章签章失败：" + e.getMessage(), e);
        }
    }

    private String commonName() {
        String dn = chain.get(0).getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return dn;
    }
}
