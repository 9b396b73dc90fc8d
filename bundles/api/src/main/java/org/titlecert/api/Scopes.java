package org.titlecert.api;

import java.util.List;

/** The scopes an API key can be given. A key without a scope cannot use the endpoints that need it. */
public final class Scopes {

    public static final String FILINGS_READ = "filings:read";
    public static final String FILINGS_WRITE = "filings:write";
    public static final String CERTIFICATES_READ = "certificates:read";
    public static final String CERTIFICATES_WRITE = "certificates:write";
    public static final String PERSONS_READ = "persons:read";
    public static final String PERSONS_WRITE = "persons:write";
    public static final String ADMIN = "admin";
    public static final String AUDIT_READ = "audit:read";
    /** Reads the metrics (a Prometheus server's key); nothing else. */
    public static final String METRICS_READ = "metrics:read";
    /** A 查验单位's own key (its HR system): 批量核验 and nothing else. Not in {@link #ALL}: admins never give it. */
    public static final String VERIFY = "verify";

    public static final List<String> ALL = List.of(FILINGS_READ, FILINGS_WRITE, CERTIFICATES_READ, CERTIFICATES_WRITE,
            PERSONS_READ, PERSONS_WRITE, ADMIN, AUDIT_READ, METRICS_READ);

    private Scopes() {
    }
}
