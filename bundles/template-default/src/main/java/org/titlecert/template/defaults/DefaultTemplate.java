package org.titlecert.template.defaults;


import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.CertificateTemplate;
import org.titlecert.template.page.Layout;
import org.titlecert.template.page.PageTemplate;

/** The default template: the default page as PDF. */
@Component(service = CertificateTemplate.class, configurationPid = DefaultTemplateConfig.PID,
        property = {CertificateTemplate.REGION + "=*", CertificateTemplate.ID + "=" + DefaultTemplate.ID,
                "service.ranking:Integer=0"})
@Designate(ocd = DefaultTemplateConfig.class)
public class DefaultTemplate extends PageTemplate {

    static final String ID = "default";

    @Activate
    public DefaultTemplate(BundleContext context, DefaultTemplateConfig config) {
        this(new Layout(config.heading(), config.subheading(), config.qrCaption(), "MASKED".equals(config.idNumber())),
                Layout.release(context.getBundle().getVersion()));
    }

    /** For use outside OSGi, e.g. in tests and benchmarks. */
    public DefaultTemplate(Layout layout, String release) {
        super(ID, layout, release);
    }

    @Override
    public CertificateRenderer newRenderer() {
        return new DefaultRenderer(layout(), fonts());
    }
}
