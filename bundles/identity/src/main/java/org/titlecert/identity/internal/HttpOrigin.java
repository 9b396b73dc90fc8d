package org.titlecert.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.titlecert.api.RequestOrigin;

/** Forwarding headers believed from the configured trusted proxies only; see {@link RequestOrigin}. */
@Component(service = RequestOrigin.class, configurationPid = HttpOriginConfig.PID)
@Designate(ocd = HttpOriginConfig.class)
public class HttpOrigin implements RequestOrigin {

    private volatile List<IpRange> trusted = List.of();
    private volatile boolean forceSecure;
    private volatile String hsts;

    @Activate
    @Modified
    void configure(HttpOriginConfig c) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : c.trustedProxies()) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    ranges.add(IpRange.parse(part.strip()));
                }
            }
        }
        trusted = List.copyOf(ranges);
        forceSecure = c.forceSecure();
        hsts = c.hstsMaxAgeSeconds() > 0 ? "max-age=" + c.hstsMaxAgeSeconds() + "; includeSubDomains" : null;
    }

    @Override
    public String clientAddress(String peer, String forwarded, String xForwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedValues(forwarded, "for") : split(xForwardedFor);
        String client = peer;
        // walk back from the nearest hop while it is one of ours; the first stranger is the client
        for (int i = chain.size() - 1; i >= 0 && trusts(client); i--) {
            String hop = bare(chain.get(i));
            if (!IpRange.isLiteral(hop)) {
                break;
            }
            client = hop;
        }
        return client;
    }

    @Override
    public boolean secure(String peer, boolean tls, String forwarded, String xForwardedProto) {
        if (forceSecure || tls) {
            return true;
        }
        if (!trusts(peer)) {
            return false;
        }
        List<String> protos = forwarded != null ? forwardedValues(forwarded, "proto") : split(xForwardedProto);
        return !protos.isEmpty() && protos.get(0).equalsIgnoreCase("https");
    }

    @Override
    public String strictTransportSecurity() {
        return hsts;
    }

    private boolean trusts(String address) {
        for (IpRange r : trusted) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> split(String header) {
        List<String> values = new ArrayList<>();
        if (header != null) {
            for (String v : header.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
        }
        return values;
    }

    /** The values of one parameter across the elements of an RFC 7239 Forwarded header, in order. */
    private static List<String> forwardedValues(String header, String name) {
        List<String> values = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    values.add(pair.substring(eq + 1).strip().replace("\"", ""));
                }
            }
        }
        return values;
    }

    /** An address without brackets or port: {@code [2001:db8::1]:443} and {@code 1.2.3.4:80} become bare. */
    private static String bare(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
