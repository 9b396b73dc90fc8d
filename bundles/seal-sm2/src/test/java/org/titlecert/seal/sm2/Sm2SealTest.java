package org.titlecert.seal.sm2;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.seal.SealCheck;
import org.titlecert.seal.SealPlacement;
import org.titlecert.seal.SealReport;
import org.titlecert.sealkit.SealKit;
import org.titlecert.sealkit.sm2.Sm2SealKit;
import org.titlecert.template.CertificateContent;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.ofd.OfdTemplate;
import org.titlecert.template.page.CertificatePage;
import org.titlecert.template.page.Layout;

/** SM2 seals on a real certificate OFD: applied, checked seal by seal, and every kind of tampering caught. */
class Sm2SealTest {

    private static final Duration YEARS = Duration.ofDays(3 * 365);

    private static SealKit.Issued ca;
    private static Sm2Sealer committee;
    private static Sm2Sealer authority;
    private static CertificateRenderer renderer;
    private static byte[] photo;

    @BeforeAll
    static void setUp() throws IOException {
        ca = Sm2SealKit.authority("TitleCert 测试 SM2 电子印章 CA", YEARS);
        committee = sealer(ca, "安徽省会计系列高级专业技术资格评审委员会", "评审专用章");
        authority = sealer(ca, "安徽省人力资源和社会保障厅", "职称专用章");
        renderer = new OfdTemplate(Layout.standard(), "1.0.0").newRenderer();
        BufferedImage img = new BufferedImage(413, 579, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x3A, 0x6E, 0xA5));
        g.fillRect(0, 0, 413, 579);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        photo = out.toByteArray();
    }

    static Sm2Sealer sealer(SealKit.Issued maker, String name, String purpose) {
        SealKit.Issued holder = Sm2SealKit.signer(maker, name, YEARS);
        byte[] esl = Sm2SealKit.seal(maker, holder.certificate(), name, SealKit.image(name, purpose), 42, YEARS);
        return new Sm2Sealer(holder.key(), holder.certificate(), esl);
    }

    static byte[] certificate(String name) throws Exception {
        return renderer.render(new CertificateContent("34202201AHKJGJ00007", name, "女", LocalDate.of(1983, 10, 26),
                "340111198310261587", "合肥百货大楼集团股份有限公司", "会计人员", "会计", "正高级会计师", "正高级",
                "安徽省会计系列高级专业技术资格评审委员会", "皖职改办〔2022〕9号", LocalDate.of(2022, 12, 26),
                "安徽省人力资源和社会保障厅", LocalDate.of(2023, 1, 31), photo,
                "https://zc.example.gov.cn/v/q3Vd9sLxYb0eTn2kPz8W1A")).pdf();
    }

    static byte[] sealed(String name) throws Exception {
        byte[] ofd = committee.seal(certificate(name), new SealPlacement(CertificatePage.COMMITTEE_SEAL,
                CertificatePage.QR_CODE, "评审组织盖章"));
        return authority.seal(ofd, new SealPlacement(CertificatePage.AUTHORITY_SEAL, CertificatePage.QR_CODE,
                "发证机关盖章"));
    }

    @Test
    void genuineCertificatesCarryTwoIntactTrustedSealsEveryTime() throws Exception {
        for (String name : List.of("王丽", "欧阳娜娜", "张三")) {
            byte[] ofd = sealed(name);
            SealReport report = OfdSeals.verify(ofd, List.of(ca.certificate()));
            assertThat(report.seals()).as(name).hasSize(2)
                    .allSatisfy(s -> assertThat(s.problem()).isNull());
            assertThat(report.seals()).extracting(SealCheck::signer).containsExactly(
                    "安徽省会计系列高级专业技术资格评审委员会", "安徽省人力资源和社会保障厅");
            assertThat(report.modifiedAfterSealing()).isFalse();
            assertThat(report.genuine()).isTrue();
            assertThat(org.titlecert.template.ofd.OfdRendererTest.unzip(ofd).keySet()).anyMatch(n -> n.endsWith("SignedValue.dat"))
                    .anyMatch(n -> n.endsWith("Signatures.xml"));
            if (name.equals("王丽")) {
                lookAt(ofd);
            }
        }
        assertThat(OfdSeals.verify(certificate("王丽"), List.of(ca.certificate())).seals())
                .as("an unsealed OFD has no seals").isEmpty();
    }

    @Test
    void aChangedByteInThePageIsCaught() throws Exception {
        byte[] ofd = sealed("王丽");
        Map<String, byte[]> parts = org.titlecert.template.ofd.OfdRendererTest.unzip(ofd);
        String page = parts.keySet().stream().filter(n -> n.endsWith("Content.xml")).findFirst().orElseThrow();
        String content = new String(parts.get(page), StandardCharsets.UTF_8);
        parts.put(page, content.replaceFirst("王丽", "王莉").getBytes(StandardCharsets.UTF_8));
        SealReport report = OfdSeals.verify(zip(parts), List.of(ca.certificate()));
        assertThat(report.genuine()).isFalse();
        assertThat(report.seals()).hasSize(2).allSatisfy(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.problem()).contains("Content.xml");
        });
    }

    @Test
    void aReplacedSealImageIsCaught() throws Exception {
        byte[] ofd = sealed("王丽");
        Map<String, byte[]> parts = org.titlecert.template.ofd.OfdRendererTest.unzip(ofd);
        String value = parts.keySet().stream().filter(n -> n.endsWith("SignedValue.dat")).sorted().findFirst()
                .orElseThrow();
        byte[] dat = parts.get(value).clone();
        int png = indexOf(dat, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(png).as("the seal's image is inside the signed value").isPositive();
        dat[png + 200] ^= 0x5A; // a pixel of the seal's image
        parts.put(value, dat);
        SealReport report = OfdSeals.verify(zip(parts), List.of(ca.certificate()));
        assertThat(report.genuine()).isFalse();
        assertThat(report.seals()).filteredOn(s -> !s.intact()).isNotEmpty();
    }

    @Test
    void aSealFromAnotherAuthorityIsIntactButNotTrusted() throws Exception {
        SealKit.Issued other = Sm2SealKit.authority("TitleCert 测试 SM2 电子印章 CA", YEARS); // the same name
        byte[] ofd = sealer(other, "安徽省人力资源和社会保障厅", "职称专用章").seal(certificate("王丽"),
                new SealPlacement(CertificatePage.AUTHORITY_SEAL, CertificatePage.QR_CODE, "发证机关盖章"));
        SealReport report = OfdSeals.verify(ofd, List.of(ca.certificate()));
        assertThat(report.seals()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isFalse();
            assertThat(s.problem()).contains("信任");
        });
        assertThat(report.genuine()).isFalse();
        assertThat(OfdSeals.verify(ofd, List.of(other.certificate())).genuine()).as("with its own CA trusted").isTrue();
    }

    @Test
    void theProviderSealsFromAKeystoreAndASealFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SealKit.Issued holder = Sm2SealKit.signer(ca, "安徽省人力资源和社会保障厅", YEARS);
        Sm2SealKit.writePkcs12(dir.resolve("ahrs.p12"), "口令-2026".toCharArray(), "seal", holder, ca);
        java.nio.file.Files.writeString(dir.resolve("ahrs.password"), "口令-2026\n");
        java.nio.file.Files.write(dir.resolve("ahrs.esl"), Sm2SealKit.seal(ca, holder.certificate(),
                "安徽省人力资源和社会保障厅", SealKit.image("安徽省人力资源和社会保障厅", "职称专用章"), 42, YEARS));
        Sm2SealProvider provider = new Sm2SealProvider("AHRS", dir.resolve("ahrs.p12"), "口令-2026".toCharArray(), "",
                dir.resolve("ahrs.esl"));
        assertThat(provider.id()).isEqualTo("sm2:AHRS");
        assertThat(provider.identity().subject()).contains("安徽省人力资源和社会保障厅");
        byte[] ofd = provider.seal(certificate("王丽"), new SealPlacement(CertificatePage.AUTHORITY_SEAL,
                CertificatePage.QR_CODE, "发证机关盖章"));
        assertThat(OfdSeals.verify(ofd, List.of(ca.certificate())).genuine()).isTrue();
        java.nio.file.Path trust = java.nio.file.Files.createDirectories(dir.resolve("trust"));
        assertThat(new OfdSealVerifier(trust).verify(ofd).genuine()).as("no authority trusted yet").isFalse();
        java.nio.file.Files.writeString(trust.resolve("ca.pem"), SealKit.pem(ca.certificate()));
        java.nio.file.Files.writeString(trust.resolve("notes.txt"), "not a certificate");
        assertThat(new OfdSealVerifier(trust).verify(ofd).genuine()).as("the SM2 CA in PEM").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.seal(certificate("王丽"),
                new SealPlacement(CertificatePage.QR_CODE, CertificatePage.QR_CODE, "发证机关盖章")))
                .isInstanceOf(org.titlecert.seal.SealException.class).hasMessageContaining("二维码");
    }

    /** ofdrw's renderer draws both seals at their places, red over the paper (saved under target/ to look at). */
    private static void lookAt(byte[] ofd) throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "rendered"));
        java.nio.file.Path file = dir.resolve("certificate-sm2.ofd");
        java.nio.file.Files.write(file, ofd);
        BufferedImage page = org.titlecert.template.ofd.OfdImages.page(file, 0, 5);
        ImageIO.write(page, "png", dir.resolve("certificate-sm2.png").toFile());
        double scale = page.getWidth() / CertificatePage.WIDTH;
        for (org.titlecert.template.Area a : List.of(CertificatePage.COMMITTEE_SEAL, CertificatePage.AUTHORITY_SEAL)) {
            int red = 0;
            for (float x = a.x(); x < a.x() + a.width(); x += 2) {
                for (float y = a.y(); y < a.y() + a.height(); y += 2) {
                    Color c = new Color(page.getRGB((int) (x * scale), (int) ((CertificatePage.HEIGHT - y) * scale)));
                    red += c.getRed() > 150 && c.getGreen() < 110 && c.getBlue() < 110 ? 1 : 0;
                }
            }
            assertThat(red).as("red seal pixels at %s", a).isGreaterThan(100);
        }
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
