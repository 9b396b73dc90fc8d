package org.titlecert.rest.internal;

import java.io.InputStream;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public verification of a certificate by the token in its QR code; personal data masked, rate-limited. */
@Path("/verify")
@Produces("application/json")
@Public
@Tag(name = "verification")
public class VerifyResource {

    private final CertificateService certificates;

    @Context
    private HttpServletRequest request;

    VerifyResource(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GET
    @Path("{token}")
    @Operation(summary = "The certificate behind a QR code: status VALID or REVOKED, masked holder, current version")
    public Verification verify(@PathParam("token") String token) {
        return certificates.verify(token, OriginFilter.address(request));
    }

    @POST
    @Path("{token}/check")
    @Consumes({"application/pdf", "application/octet-stream"})
    @Operation(summary = "Whether a PDF is this certificate's genuine current version (or a superseded one)")
    public PdfCheck check(@PathParam("token") String token, InputStream pdf) {
        return certificates.check(token, pdf, OriginFilter.address(request));
    }
}
