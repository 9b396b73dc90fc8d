package org.titlecert.rest.internal;

import java.io.InputStream;
import java.util.List;

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

import org.apache.cxf.jaxrs.ext.multipart.Multipart;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Scopes;
import org.titlecert.verification.BatchReport;
import org.titlecert.verification.BatchRow;
import org.titlecert.verification.BatchVerification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 批量核验 for 查验单位: rows as JSON, or a list or ZIP of PDFs as a file; each check a stored 核验报告. */
@Path("/")
@Produces("application/json")
@Tag(name = "verifiers")
public class VerificationsResource {

    /** The rows to check: 证书编号, 姓名 and, if known, 身份证号. */
    public record BatchRequest(List<BatchRow> rows) {
    }

    private final BatchVerification batches;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    VerificationsResource(BatchVerification batches, int maxUploadMb) {
        this.batches = batches;
        this.maxUploadMb = maxUploadMb;
    }

    @POST
    @Path("verifications")
    @ForVerifiers
    @RequiresScope(Scopes.VERIFY)
    @Consumes("application/json")
    @Operation(operationId = "createVerification",
            summary = "批量核验 · Check rows of 证书编号, 姓名 and 身份证号; the answer is every row's verdict and the report",
            responses = @ApiResponse(responseCode = "201", description = "checked; the 核验报告",
                    content = @Content(schema = @Schema(implementation = BatchReport.class))))
    public Response check(BatchRequest body) {
        BatchReport r = batches.checkRows(AuthFilter.caller(request), body == null ? null : body.rows());
        return Response.created(Created.location(request, "verifications", "verifications", r.id())).entity(r).build();
    }

    @POST
    @Path("verifications/files")
    @ForVerifiers
    @RequiresScope(Scopes.VERIFY)
    @Consumes({"multipart/form-data", "text/csv", FilingResource.XLSX, "application/zip", "application/octet-stream"})
    @Operation(operationId = "uploadVerification",
            summary = "批量核验（文件） · Check an FilingResource.XLSX or CSV list (证书编号, 姓名, 身份证号), or a ZIP of certificate PDFs",
            description = "The format is told by content. PDFs are recognised by their SHA-256 over every version "
                    + "ever issued: a current one, an earlier (corrected) one, or none (forged or altered).",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = FilingResource.XLSX, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}),
            responses = @ApiResponse(responseCode = "201", description = "checked; the 核验报告",
                    content = @Content(schema = @Schema(implementation = BatchReport.class))))
    public Response checkFile(@Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream body) {
        BatchReport r = batches.checkFile(AuthFilter.caller(request), Params.body(body, maxUploadMb));
        return Response.created(Created.location(request, "verifications", "verifications", r.id())).entity(r).build();
    }

    @GET
    @Path("verifications")
    @ForVerifiers
    @RequiresScope(Scopes.VERIFY)
    @Operation(operationId = "listVerifications", summary = "核验报告 · The calling verifier's reports, newest first, without rows")
    public Page<BatchReport> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return batches.reports(AuthFilter.caller(request), PageRequest.of(page, size));
    }

    @GET
    @Path("verifications/{id}")
    @ForVerifiers
    @RequiresScope(Scopes.VERIFY)
    @Operation(operationId = "getVerification", summary = "核验报告 · One report with every row's verdict")
    public BatchReport get(@PathParam("id") long id) {
        return batches.report(AuthFilter.caller(request), id);
    }

    @GET
    @Path("verifications/{id}/xlsx")
    @ForVerifiers
    @RequiresScope(Scopes.VERIFY)
    @Produces({FilingResource.XLSX, "application/json"})
    @Operation(operationId = "downloadVerificationXlsx", summary = "下载核验结果 · The report's rows as FilingResource.XLSX",
            responses = @ApiResponse(responseCode = "200", description = "the spreadsheet",
                    content = @Content(mediaType = FilingResource.XLSX, schema = @Schema(type = "string", format = "binary"))))
    public Response xlsx(@PathParam("id") long id) {
        BatchReport r = batches.report(AuthFilter.caller(request), id);
        return Downloads.file(batches.xlsx(AuthFilter.caller(request), id), FilingResource.XLSX, "核验结果-" + r.reportNumber() + ".xlsx",
                false, null);
    }

    @GET
    @Path("verifications/{id}/pdf")
    @ForVerifiers
    @RequiresScope(Scopes.VERIFY)
    @Produces({"application/pdf", "application/json"})
    @Operation(operationId = "downloadVerificationPdf",
            summary = "下载核验报告 · The 核验报告 as PDF, with its number and the QR code that verifies it",
            responses = @ApiResponse(responseCode = "200", description = "the PDF",
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    public Response pdf(@PathParam("id") long id) {
        BatchReport r = batches.report(AuthFilter.caller(request), id);
        return Downloads.file(batches.pdf(AuthFilter.caller(request), id), "application/pdf",
                "核验报告-" + r.reportNumber() + ".pdf", false, null);
    }
}
