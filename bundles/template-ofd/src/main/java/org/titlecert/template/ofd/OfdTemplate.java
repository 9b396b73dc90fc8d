package org.titlecert.template.ofd;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.CertificateTemplate;
import org.titlecert.template.page.Layout;
import org.titlecert.template.page.PageTemplate;

/**
 * The default certificate as OFD. It takes its wording from the default template's configuration (the same PID), so
 * that the two formats of a certificate always say the same.
 */
@Component(service = CertificateTemplate.class, configurationPid = Layout.PID,
        property = {CertificateTemplate.REGION + "=*", CertificateTemplate.ID + "=" + OfdTemplate.ID,
                CertificateTemplate.FORMAT + "=" + CertificateTemplate.OFD, "service.ranking:Integer=0"})
public class OfdTemplate extends PageTemplate {

    static final String ID = "default-ofd";

    @Activate
    public OfdTemplate(BundleContext context, Map<String, Object> config) {
        this(Layout.of(config), Layout.release(context.getBundle().getVersion()));
    }

    /** For use outside OSGi, e.g. in tests. */
    public OfdTemplate(Layout layout, String release) {
        super(ID, layout, release);
    }

    @Override
    public CertificateRenderer newRenderer() {
        return new OfdRenderer(layout(), fonts());
    }
}
