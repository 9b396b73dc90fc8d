package org.titlecert.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a request really comes from when the platform runs behind reverse proxies. Forwarding headers
 * ({@code Forwarded}, {@code X-Forwarded-For}, {@code X-Forwarded-Proto}) count only when the peer is one of
 * the trusted proxy addresses an operator configured; from anyone else they are ignored.
 */
@ProviderType
public interface RequestOrigin {

    /**
     * The client's address: the peer's own, or, when the peer is a trusted proxy, the nearest address in the
     * forwarding chain that is not a trusted proxy.
     */
    String clientAddress(String peer, String forwarded, String xForwardedFor);

    /**
     * True if the client reached the platform over HTTPS: directly, through a trusted proxy that says so, or
     * always when the operator forces secure cookies (a TLS proxy that sends no forwarding headers).
     */
    boolean secure(String peer, boolean tls, String forwarded, String xForwardedProto);

    /** The {@code Strict-Transport-Security} value for responses to secure requests, or null for none. */
    String strictTransportSecurity();
}
