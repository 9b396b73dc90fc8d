package org.titlecert.template.defaults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.font.CjkFont;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.CertificateTemplate;

/**
 * The default template. The font files are read once here and shared; each renderer parses its own
 * copy, since parsed fonts are not thread-safe.
 */
@Component(service = CertificateTemplate.class, configurationPid = DefaultTemplateConfig.PID,
        property = {CertificateTemplate.REGION + "=*", CertificateTemplate.ID + "=" + DefaultTemplate.ID,
                "service.ranking:Integer=0"})
@Designate(ocd = DefaultTemplateConfig.class)
public class DefaultTemplate implements CertificateTemplate {

    static final String ID = "default";

    private final Layout layout;
    private final String revision;
    private final FontFiles fonts;

    @Activate
    public DefaultTemplate(BundleContext context, DefaultTemplateConfig config) {
        this(new Layout(config.heading(), config.subheading(), config.qrCaption(), "MASKED".equals(config.idNumber())),
                release(context.getBundle().getVersion()));
    }

    /**
     * The bundle's release, without the build qualifier: a template that draws differently is released with a
     * new version, while building the same release again changes nothing that a certificate shows, and must not
     * make a province's certificates again.
     */
    static String release(org.osgi.framework.Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    /** For use outside OSGi, e.g. in tests and benchmarks. */
    public DefaultTemplate(Layout layout, String version) {
        this.layout = layout;
        this.revision = version + "/" + Integer.toHexString(layout.maskIdNumber()
                ? Objects.hash(layout.heading(), layout.subheading(), layout.qrCaption(), true)
                : Objects.hash(layout.heading(), layout.subheading(), layout.qrCaption()));
        this.fonts = FontFiles.load();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public CertificateRenderer newRenderer() {
        return new DefaultRenderer(layout, fonts);
    }

    /**
     * The font files as bytes, read once. Besides the full fonts, subsets of the common characters
     * (GB 2312, ASCII, punctuation): embedding a font into a PDF costs in proportion to its glyphs, so
     * names of common characters take the small fonts and only rare characters the full one.
     */
    record FontFiles(byte[] regular, byte[] commonRegular, byte[] commonBold, byte[] fallback) {

        static FontFiles load() {
            byte[] regular = read(CjkFont.SANS_REGULAR);
            Set<Integer> common = commonCharacters();
            return new FontFiles(regular, subset(regular, common), subset(read(CjkFont.SANS_BOLD), common),
                    read(CjkFont.SANS_FALLBACK));
        }

        private static byte[] read(CjkFont font) {
            try (InputStream in = font.open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Set<Integer> commonCharacters() {
            Set<Integer> cps = new HashSet<>();
            CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
            for (char c = 0x20; c < 0xFFFF; c++) {
                if (Character.isDefined(c) && !Character.isSurrogate(c) && (gb2312.canEncode(c) || c < 0x7F
                        || c >= 0x2000 && c <= 0x206F || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF)) {
                    cps.add((int) c);
                }
            }
            return cps;
        }

        private static byte[] subset(byte[] font, Set<Integer> codePoints) {
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
                TTFSubsetter subsetter = new TTFSubsetter(ttf);
                subsetter.addAll(codePoints);
                ByteArrayOutputStream out = new ByteArrayOutputStream(font.length / 3);
                subsetter.writeToStream(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the common-character subset of a certificate font", e);
            }
        }
    }
}
