package org.titlecert.jpa;

/**
 * Versioned schemas of the domain bundles. A bundle that owns tables names its changelog (Liquibase YAML, inside
 * the bundle) in the manifest header {@value #HEADER}; its persistence unit is published a second time, with the
 * service property {@value #CURRENT}, once the changelog has run, and its components take only that one:
 * <pre>@Reference(target = "(&amp;(osgi.unit.name=titlecert-audit)" + Schema.CURRENT + ")")</pre>
 */
public final class Schema {

    /** The manifest header that names a bundle's changelog, e.g. {@code db/audit.yaml}. */
    public static final String HEADER = "TitleCert-Schema";
    /** The service property of a persistence unit whose tables are current. */
    public static final String PROPERTY = "titlecert.schema";
    public static final String CURRENT_VALUE = "current";
    /** A filter part that matches only persistence units whose tables are current. */
    public static final String CURRENT = "(" + PROPERTY + "=" + CURRENT_VALUE + ")";

    private Schema() {
    }
}
