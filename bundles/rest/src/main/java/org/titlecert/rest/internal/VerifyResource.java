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

import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.certificate.Verification;
import org.titlecert.verification.SharedRecord;
import org.titlecert.verification.BatchReport;
import org.titlecert.verification.BatchVerification;
import org.titlecert.verification.VerificationService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Public verification: by the token in a certificate's QR code, by its number and the holder's name, or with the
 * holder's share code; personal data masked except through a share code; rate-limited. Each check that finds a
 * certificate shows in its holder's 查验记录.
 */
@Path("/verify")
@Produces("application/json")
@Public
@Tag(name = "verification")
public class VerifyResource {

    /** 证书查验: the certificate's number and the holder's name, with a captcha ({@code GET /captcha}). */
    public record Lookup(String certificateNumber, String name, String captchaId, String captchaAnswer) {
    }

    /** 授权码查验: the code the holder gave. */
    public record ShareCodeUse(String code) {
    }

    private final VerificationService verification;
    private final BatchVerification batches;

    @Context
    private HttpServletRequest request;

    VerifyResource(VerificationService verification, BatchVerification batches) {
        this.batches = batches;
        this.verification = verification;
    }

    @GET
    @Path("{token}")
    @Operation(operationId = "verifyCertificate",
            summary = "证书查验 · The certificate behind a QR code: VALID or REVOKED, masked holder, current version")
    public Verification verify(@Parameter(description = "二维码中的查验令牌 · the token in the QR code")
                               @PathParam("token") String token) {
        return verification.byToken(token, OriginFilter.address(request));
    }

    @POST
    @Path("{token}/check")
    @Consumes({"multipart/form-data", "application/pdf", "application/ofd", "application/vc+jwt",
            "application/octet-stream"})
    @Operation(operationId = "checkCertificatePdf",
            summary = "文件核验 · Whether a PDF (or OFD, or Verifiable Credential) is this certificate's genuine current "
                    + "version (or a superseded one)",
            description = "Each e-seal's signature is validated: intact, and chaining to a trusted seal CA; an OFD's SM2 "
                    + "seals (GB/T 38540) likewise, where the SM2 seal feature is installed; a credential's JWS "
                    + "against the keys the platform published (GET /credentials/keys).",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/ofd", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public PdfCheck check(@PathParam("token") String token, @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream pdf) {
        return verification.checkFile(token, pdf, OriginFilter.address(request));
    }

    @POST
    @Path("lookup")
    @Consumes("application/json")
    @Operation(operationId = "lookupCertificate",
            summary = "证书查验 · A certificate by its number and the holder's name (with a captcha), masked as by its QR code",
            description = "A wrong name answers exactly as an unknown number: 404 CERTIFICATE_NOT_FOUND.")
    public Verification lookup(Lookup body) {
        Lookup b = body == null ? new Lookup(null, null, null, null) : body;
        return verification.lookup(AuthFilter.caller(request), b.certificateNumber(), b.name(), b.captchaId(),
                b.captchaAnswer(), OriginFilter.address(request));
    }

    @POST
    @Path("share-code")
    @Consumes("application/json")
    @Operation(operationId = "useShareCode",
            summary = "授权码查验 · The holder's full record (ID number and birth date unmasked) with the share code they gave",
            description = "An unknown, expired or withdrawn code answers alike: 404 SHARE_CODE_INVALID; so does a code "
                    + "made for one 查验单位 unless that verifier's session sends it.")
    public SharedRecord useShareCode(ShareCodeUse body) {
        return verification.useShareCode(AuthFilter.caller(request), body == null ? null : body.code(),
                OriginFilter.address(request));
    }

    @GET
    @Path("reports/{token}")
    @Public
    @Operation(operationId = "verifyReport",
            summary = "核验报告查验 · A 核验报告 by the token in its QR code: number, verifier, time and rows, names masked")
    public BatchReport publicReport(@PathParam("token") String token) {
        return batches.publicReport(token).orElseThrow(() -> TitleCertException.notFound("REPORT_NOT_FOUND",
                "未找到该核验报告"));
    }
}
