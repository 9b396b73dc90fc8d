package org.titlecert.template.defaults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

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
        this(new Layout(config.heading(), config.subheading(), config.qrCaption()),
                context.getBundle().getVersion().toString());
    }

    /** For use outside OSGi, e.g. in tests and benchmarks. */
    public DefaultTemplate(Layout layout, String version) {
        this.layout = layout;
        this.revision = version + "/" + Integer.toHexString(Objects.hash(layout.heading(), layout.subheading(),
                layout.qrCaption()));
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

    /** The font files as bytes, read once. */
    record FontFiles(byte[] regular, byte[] bold, byte[] fallback) {

        static FontFiles load() {
            return new FontFiles(read(CjkFont.SANS_REGULAR), read(CjkFont.SANS_BOLD), read(CjkFont.SANS_FALLBACK));
        }

        private static byte[] read(CjkFont font) {
            try (InputStream in = font.open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
