package org.titlecert.rest.internal;

import java.io.InputStream;
import java.time.LocalDate;

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
import org.titlecert.certificate.Correction;
import org.titlecert.certificate.CorrectionReason;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.RevocationReason;
import org.titlecert.filing.RosterChange;
import org.titlecert.certificate.QueueState;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One certificate: its record, its PDF, revocation and regeneration; for its holder and scoped admins. */
@Path("/certificates")
@Produces("application/json")
@Tag(name = "certificates")
public class CertificateResource {

    /** The body of a revocation: a fixed reason, shown publicly, and a note that stays internal. */
    public record Revocation(RevocationReason reason, String note) {
    }

    /** The body of a reinstatement (撤销恢复): why, for the audit log. */
    public record Reinstatement(String note) {
    }

    /**
     * 申请更正: the reason from the fixed list, an internal explanation, and the fields to change (those left out
     * stay). The evidence PDF follows with {@code PUT /corrections/{id}/evidence}.
     */
    public record CorrectionRequest(
            CorrectionReason reason,
            @Schema(description = "说明，仅内部可见 · explanation, internal, up to 500 characters") String detail,
            @Schema(description = "姓名") String name,
            @Schema(description = "性别：男 / 女") String gender,
            @Schema(description = "出生日期") LocalDate birthDate,
            @Schema(description = "工作单位") String employer,
            @Schema(description = "系列") String series,
            @Schema(description = "专业") String specialty,
            @Schema(description = "职称名称") String titleName,
            @Schema(description = "职称级别") String level,
            @Schema(description = "取得资格时间") LocalDate qualificationDate) {
    }

    /** How many certificates a bulk regeneration queued, or would queue on a dry run. */
    public record RegenerationCount(Integer queued, Integer wouldQueue) {
    }

    private final CertificateService certificates;
    private final CorrectionService corrections;

    @Context
    private HttpServletRequest request;

    CertificateResource(CertificateService certificates, CorrectionService corrections) {
        this.certificates = certificates;
        this.corrections = corrections;
    }

    @GET
    @Path("queue")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "getGenerationQueue",
            summary = "生成队列 · The generation queue: how many wait, the recent rate, the estimated time to drain")
    public QueueState queue() {
        return certificates.queue();
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "getCertificate", summary = "查看证书 · One certificate")
    public Certificate get(@PathParam("id") long id) {
        return certificates.get(AuthFilter.caller(request), id);
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "downloadCertificatePdf", summary = "预览或下载证书 PDF · The certificate PDF",
            description = "Inline for preview, or as an attachment. A certificate still being generated is waited for "
                    + "briefly, else 503 with Retry-After. Where the certificate's region issues OFD only (the formats "
                    + "setting), 404 PDF_NOT_ISSUED: GET .../ofd serves it. The ETag is the file's SHA-256.",
            responses = @ApiResponse(responseCode = "200", description = "the PDF",
                    headers = @Header(name = "ETag", description = "the PDF's SHA-256, quoted", schema = @Schema(type = "string")),
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    public Response pdf(@PathParam("id") long id,
                        @Parameter(description = "true 为下载附件 · true to download as an attachment")
                        @QueryParam("download") Boolean download) {
        return send(certificates.pdf(AuthFilter.caller(request), id), "application/pdf", !Boolean.TRUE.equals(download));
    }

    @GET
    @Path("{id}/ofd")
    @Produces({"application/ofd", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "downloadCertificateOfd", summary = "下载证书 OFD · The certificate as OFD (GB/T 33190)",
            description = "Where the certificate's region issues OFD, beside the PDF or alone (the formats setting), made "
                    + "from the same record with every version; otherwise 404 OFD_NOT_ISSUED. Waited for as the PDF is. Always an "
                    + "attachment. The ETag is the file's SHA-256.",
            responses = @ApiResponse(responseCode = "200", description = "the OFD",
                    headers = @Header(name = "ETag", description = "the OFD's SHA-256, quoted", schema = @Schema(type = "string")),
                    content = @Content(mediaType = "application/ofd", schema = @Schema(type = "string", format = "binary"))))
    public Response ofd(@PathParam("id") long id) {
        return send(certificates.ofd(AuthFilter.caller(request), id), "application/ofd", false);
    }

    @GET
    @Path("{id}/credential")
    @Produces({"application/vc+jwt", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "downloadCertificateCredential",
            summary = "下载可验证凭证 · The certificate as a W3C Verifiable Credential 2.0",
            description = "The current version's credential secured as a JWS (VC-JOSE-COSE, ES256; the key is in GET "
                    + "/credentials/keys, the revocation status in its credentialStatus); the same bytes are attached to "
                    + "the PDF. A version made before credentials were issued gets one at its first request (its PDF "
                    + "carries none); a platform that issues none (credentials = false): 404 CREDENTIAL_NOT_ISSUED. "
                    + "Always an attachment. The ETag is its SHA-256.",
            responses = @ApiResponse(responseCode = "200", description = "the credential, a compact JWS",
                    headers = @Header(name = "ETag", description = "the credential's SHA-256, quoted", schema = @Schema(type = "string")),
                    content = @Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string", format = "binary"))))
    public Response credential(@PathParam("id") long id) {
        return send(certificates.credential(AuthFilter.caller(request), id), "application/vc+jwt", false);
    }

    private static Response send(CertificateFile f, String type, boolean inline) {
        return Downloads.stream(out -> {
            try (InputStream in = f.open()) {
                in.transferTo(out);
            }
        }, type, f.fileName(), inline, f.sha256(), f.size());
    }

    @POST
    @Path("{id}/revoke")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "revokeCertificate", summary = "撤销证书 · Revoke a certificate",
            description = "The reason's text shows on the public verification page; the note stays internal.")
    public Certificate revoke(@PathParam("id") long id, Revocation body) {
        return certificates.revoke(AuthFilter.caller(request), id, body == null ? null : body.reason(),
                body == null ? null : body.note());
    }

    @POST
    @Path("{id}/reinstate")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "reinstateCertificate",
            summary = "撤销恢复 · Make a revoked certificate valid again; it is generated again as a new version",
            description = "System admins, with a note for the audit log.")
    public Certificate reinstate(@PathParam("id") long id, Reinstatement body) {
        return certificates.reinstate(AuthFilter.caller(request), id, body == null ? null : body.note());
    }

    @POST
    @Path("{id}/corrections")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "requestCorrection",
            summary = "申请更正 · Ask for a correction of the certificate's data",
            description = "Unit admins of the filing's unit. The change is checked by the roster's rules at once. "
                    + "Upload the evidence PDF with PUT /corrections/{id}/evidence; a system admin then approves it "
                    + "(POST /corrections/{id}/approve) or rejects it.",
            responses = @ApiResponse(responseCode = "201", description = "asked for, 待审核",
                    headers = @Header(name = "Location", description = "the correction's URL",
                            schema = @Schema(type = "string", format = "uri")),
                    content = @Content(schema = @Schema(implementation = Correction.class))))
    public Response requestCorrection(@PathParam("id") long id, CorrectionRequest body) {
        CorrectionRequest r = body == null ? new CorrectionRequest(null, null, null, null, null, null, null, null,
                null, null, null) : body;
        Correction c = corrections.request(AuthFilter.caller(request), id, new RosterChange(r.name(), r.gender(),
                        r.birthDate(), r.employer(), r.series(), r.specialty(), r.titleName(), r.level(),
                        r.qualificationDate()), r.reason(), r.detail(), null, null);
        return Response.created(Created.location(request, "/certificates/", "/corrections", c.id())).entity(c).build();
    }

    @POST
    @Path("regenerate-all")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "regenerateAllCertificates", summary = "全部重新生成 · Generate every valid certificate again",
            description = "System admins, e.g. after the QR address changed; dryRun=true only counts them.")
    public RegenerationCount regenerateAll(@Parameter(description = "true 只统计 · true only counts")
                                           @QueryParam("dryRun") Boolean dryRun) {
        boolean dry = Boolean.TRUE.equals(dryRun);
        int n = certificates.regenerateAll(AuthFilter.caller(request), dry);
        return dry ? new RegenerationCount(null, n) : new RegenerationCount(n, null);
    }

    @POST
    @Path("{id}/regenerate")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "regenerateCertificate", summary = "重新生成 · Generate the certificate again; its version goes up")
    public Certificate regenerate(@PathParam("id") long id) {
        return certificates.regenerate(AuthFilter.caller(request), id);
    }
}
