package org.titlecert.rest.internal;

import java.util.Map;

import java.io.InputStream;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Scopes;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateFile;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.RevocationReason;
import org.titlecert.certificate.QueueState;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One certificate: its record, its PDF, revocation and regeneration; for its holder and scoped admins. */
@Path("/certificates")
@Produces("application/json")
@Tag(name = "certificates")
public class CertificateResource {

    /** The body of a revocation. */
    /** {@code reason}: one of {@link RevocationReason}'s codes, shown publicly; {@code note}: internal only. */
    public record Revocation(String reason, String note) {
    }

    private final CertificateService certificates;

    @Context
    private HttpServletRequest request;

    CertificateResource(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GET
    @Path("queue")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(summary = "The generation queue: how many wait, the recent rate, the estimated time to drain")
    public QueueState queue() {
        return certificates.queue();
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(summary = "One certificate")
    public Certificate get(@PathParam("id") long id) {
        return certificates.get(AuthFilter.caller(request), id);
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(summary = "The certificate PDF, inline for preview; a certificate still being generated is waited "
            + "for briefly, else 503 with Retry-After")
    public Response pdf(@PathParam("id") long id,
                        @Parameter(description = "true to download as an attachment") @QueryParam("download") boolean download) {
        CertificateFile f = certificates.pdf(AuthFilter.caller(request), id);
        return Downloads.stream(out -> {
            try (InputStream in = f.open()) {
                in.transferTo(out);
            }
        }, "application/pdf", f.fileName(), !download, f.sha256(), f.size());
    }

    @POST
    @Path("{id}/revoke")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(summary = "Revoke a certificate (撤销): reason is one of INFO_ERROR, BY_LAW, HOLDER_REQUEST, FRAUD, which the public verification page shows; note stays internal")
    public Certificate revoke(@PathParam("id") long id, Revocation body) {
        return certificates.revoke(AuthFilter.caller(request), id,
                Params.enumeration("reason", body == null ? null : body.reason(), RevocationReason.class),
                body == null ? null : body.note());
    }

    @POST
    @Path("regenerate-all")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(summary = "Generate every valid certificate again (system admins), e.g. after the QR address changed; "
            + "dryRun=true only counts them")
    public Map<String, Integer> regenerateAll(@QueryParam("dryRun") String dryRun) {
        int n = certificates.regenerateAll(AuthFilter.caller(request), "true".equalsIgnoreCase(dryRun));
        return Map.of("true".equalsIgnoreCase(dryRun) ? "wouldQueue" : "queued", n);
    }

    @POST
    @Path("{id}/regenerate")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(summary = "Generate the certificate again; its version goes up")
    public Certificate regenerate(@PathParam("id") long id) {
        return certificates.regenerate(AuthFilter.caller(request), id);
    }
}
