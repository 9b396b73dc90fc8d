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

import org.apache.cxf.jaxrs.ext.multipart.Multipart;

import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
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
    @Operation(operationId = "verifyCertificate",
            summary = "证书查验 · The certificate behind a QR code: VALID or REVOKED, masked holder, current version")
    public Verification verify(@Parameter(description = "二维码中的查验令牌 · the token in the QR code")
                               @PathParam("token") String token) {
        return certificates.verify(token, OriginFilter.address(request));
    }

    @POST
    @Path("{token}/check")
    @Consumes({"multipart/form-data", "application/pdf", "application/octet-stream"})
    @Operation(operationId = "checkCertificatePdf",
            summary = "文件核验 · Whether a PDF is this certificate's genuine current version (or a superseded one)",
            description = "Each e-seal's signature is validated: intact, and chaining to a trusted seal CA.",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public PdfCheck check(@PathParam("token") String token, @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream pdf) {
        return certificates.check(token, pdf, OriginFilter.address(request));
    }
}
