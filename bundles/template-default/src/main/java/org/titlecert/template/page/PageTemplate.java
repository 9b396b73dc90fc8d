package org.titlecert.template.page;

import org.titlecert.template.CertificateTemplate;

/**
 * A template that draws the default page ({@link CertificatePage}) in some format: its wording, its revision (the
 * wording and the bundle's release) and the font files, read once and shared; each renderer parses its own copy,
 * since parsed fonts are not thread-safe.
 */
public abstract class PageTemplate implements CertificateTemplate {

    private final String id;
    private final Layout layout;
    private final String revision;
    private final FontFiles fonts;

    protected PageTemplate(String id, Layout layout, String release) {
        this.id = id;
        this.layout = layout;
        this.revision = layout.revision(release);
        this.fonts = FontFiles.load();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String revision() {
        return revision;
    }

    protected Layout layout() {
        return layout;
    }

    protected FontFiles fonts() {
        return fonts;
    }
}
