package org.titlecert.template.defaults;


import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.CertificateTemplate;
import org.titlecert.template.page.FontFiles;
import org.titlecert.template.page.Layout;

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
                Layout.release(context.getBundle().getVersion()));
    }

    /** For use outside OSGi, e.g. in tests and benchmarks. */
    public DefaultTemplate(Layout layout, String release) {
        this.layout = layout;
        this.revision = layout.revision(release);
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
}
