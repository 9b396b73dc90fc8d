package org.titlecert.rest.internal;

import java.io.InputStream;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.ext.multipart.Multipart;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Scopes;
import org.titlecert.certificate.Correction;
import org.titlecert.certificate.CorrectionEvidence;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.CorrectionStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 更正审核: the corrections in the caller's scope, their evidence, and the supervising department's decision. A
 * correction is asked for on its certificate ({@code POST /certificates/{id}/corrections}).
 */
@Path("/corrections")
@Produces("application/json")
@Tag(name = "corrections")
public class CorrectionResource {

    /** The body of a decision: for an approval optional, for a rejection the reason the unit is given. */
    public record Decision(String note) {
    }

    private final CorrectionService corrections;

    @Context
    private HttpServletRequest request;

    CorrectionResource(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @GET
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "listCorrections",
            summary = "更正审核列表 · Corrections in scope, newest first: a unit's own, or all for system admins")
    public Page<Correction> list(@Parameter(description = "PENDING 待审核, APPROVED 已通过, REJECTED 未通过")
                                 @QueryParam("status") CorrectionStatus status,
                                 @Parameter(description = "只看该证书的更正 · only this certificate's")
                                 @QueryParam("certificateId") Long certificateId,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return corrections.find(AuthFilter.caller(request), status, certificateId == null ? 0 : certificateId,
                PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "getCorrection", summary = "查看更正申请 · One correction, with each field before and after")
    public Correction get(@PathParam("id") long id) {
        return corrections.get(AuthFilter.caller(request), id);
    }

    @GET
    @Path("{id}/evidence")
    @Produces({"application/pdf", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "downloadCorrectionEvidence", summary = "证明材料 · The correction's evidence PDF",
            responses = @ApiResponse(responseCode = "200", description = "the PDF",
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    public Response evidence(@PathParam("id") long id) {
        CorrectionEvidence e = corrections.evidence(AuthFilter.caller(request), id);
        return Downloads.stream(out -> {
            try (InputStream in = e.open()) {
                in.transferTo(out);
            }
        }, "application/pdf", e.fileName(), true, null, e.size());
    }

    @PUT
    @Path("{id}/evidence")
    @Consumes({"multipart/form-data", "application/pdf", "application/octet-stream"})
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "uploadCorrectionEvidence",
            summary = "上传证明材料 · Upload (or replace) a pending correction's evidence, a PDF",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public Correction putEvidence(@PathParam("id") long id,
                                  @Parameter(description = "原文件名 · original file name") @QueryParam("filename") String filename,
                                  @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream body) {
        return corrections.putEvidence(AuthFilter.caller(request), id, filename, body);
    }

    @POST
    @Path("{id}/approve")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "approveCorrection",
            summary = "更正通过 · Approve: the roster entry changes and the certificate is generated again as a new version",
            description = "System admins, once the evidence is uploaded. The previous version becomes superseded; "
                    + "its number stays.")
    public Correction approve(@PathParam("id") long id, Decision body) {
        return corrections.approve(AuthFilter.caller(request), id, body == null ? null : body.note());
    }

    @POST
    @Path("{id}/reject")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "rejectCorrection", summary = "不予更正 · Reject, with the reason for the unit",
            description = "System admins.")
    public Correction reject(@PathParam("id") long id, Decision body) {
        return corrections.reject(AuthFilter.caller(request), id, body == null ? null : body.note());
    }
}
