package org.titlecert.certificate.internal;

import org.titlecert.metrics.Metrics;

/** What the certificate engine counts and times. Label values come from fixed sets. */
final class EngineMetrics {

    final Metrics.Counter generated;
    /** Label {@code reason}: NO_TEMPLATE, TEMPLATE, SEAL, INTERNAL, STORE, DATABASE (out of reach; retried). */
    final Metrics.Counter failures;
    final Metrics.Timer render;
    /** Label {@code role}: COMMITTEE, ISSUING_AUTHORITY. */
    final Metrics.Timer seal;
    /** Labels {@code kind} (page: the QR's page or API; check: a PDF checked) and {@code result}. */
    final Metrics.Counter verifications;
    /** Label {@code kind}: verify, check. */
    final Metrics.Counter refusals;

    EngineMetrics(Metrics m) {
        generated = m.counter("titlecert_certificates_generated_total", "Certificates generated (a new PDF stored)");
        failures = m.counter("titlecert_certificate_failures_total", "Certificate generations that failed, by reason",
                "reason");
        render = m.timer("titlecert_certificate_render_seconds", "Time to draw one certificate, unsealed");
        seal = m.timer("titlecert_certificate_seal_seconds", "Time to put one e-seal on a certificate", "role");
        verifications = m.counter("titlecert_verifications_total", "Public verifications answered, by kind and result",
                "kind", "result");
        refusals = m.counter("titlecert_verification_refusals_total",
                "Public verifications refused by the per-client rate limit", "kind");
    }
}
