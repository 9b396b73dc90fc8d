package org.titlecert.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;

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

import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Scopes;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateExport;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.filing.Document;
import org.titlecert.filing.DocumentInfo;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingDraft;
import org.titlecert.filing.FilingQuery;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.FilingType;
import org.titlecert.filing.ImportMode;
import org.titlecert.filing.ImportReport;
import org.titlecert.filing.RosterEntry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Approval filings (批复备案), their rosters and approval documents. */
@Path("/filings")
@Produces("application/json")
@Tag(name = "filings")
public class FilingResource {

    /** The body of a rejection. */
    public record Rejection(String reason) {
    }

    /** The optional body of an approval: the date of the approval document, today if absent. */
    public record Approval(java.time.LocalDate approvalDate) {
    }

    /** The certificates checked for a batch download. */
    public record ExportRequest(java.util.List<Long> ids) {
    }

    private final FilingService filings;
    private final CertificateService certificates;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    FilingResource(FilingService filings, CertificateService certificates, int maxUploadMb) {
        this.filings = filings;
        this.certificates = certificates;
        this.maxUploadMb = maxUploadMb;
    }

    private Caller caller() {
        return AuthFilter.caller(request);
    }

    @GET
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(summary = "List filings with filters and paging")
    public Page<Filing> list(
            @Parameter(description = "substring of the filing name (申请名称)") @QueryParam("name") String name,
            @Parameter(description = "substring of the approval number (批复文号)") @QueryParam("approvalNumber") String approvalNumber,
            @QueryParam("year") String year,
            @Parameter(description = "REVIEW / RECOGNITION / EXAM / EXAM_AND_REVIEW") @QueryParam("type") String type,
            @Parameter(description = "PENDING / APPROVED / REJECTED") @QueryParam("status") String status,
            @Parameter(description = "organizing unit id (system callers only)") @QueryParam("unitId") String unitId,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @Parameter(description = "field, - prefix for descending: id, name, approvalNumber, year, type, status, createdAt")
            @QueryParam("sort") String sort) {
        Integer unit = Params.integer("unitId", unitId);
        FilingQuery q = new FilingQuery(name, approvalNumber, Params.integer("year", year),
                Params.enumeration("type", type, FilingType.class),
                Params.enumeration("status", status, FilingStatus.class),
                unit == null ? null : unit.longValue(), sort,
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
        return filings.find(caller(), q);
    }

    @POST
    @Consumes("application/json")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(summary = "Create a pending filing")
    public Response create(FilingDraft draft) {
        Filing f = filings.create(caller(), draft);
        return Response.created(URI.create("filings/" + f.id())).entity(f).build();
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(summary = "One filing")
    public Filing get(@PathParam("id") long id) {
        return filings.get(caller(), id);
    }

    @PUT
    @Path("{id}")
    @Consumes("application/json")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(summary = "Change a pending filing")
    public Filing update(@PathParam("id") long id, FilingDraft draft) {
        return filings.update(caller(), id, draft);
    }

    @POST
    @Path("{id}/approve")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(summary = "Approve a pending filing (审核通过); needs the approval document and a roster")
    public Filing approve(@PathParam("id") long id, String body) {
        Approval a = body == null || body.isBlank() ? new Approval(null) : Json.read(body, Approval.class);
        return filings.approve(caller(), id, a.approvalDate());
    }

    @POST
    @Path("{id}/reject")
    @Consumes("application/json")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(summary = "Reject a pending filing (审核不通过) with a reason")
    public Filing reject(@PathParam("id") long id, Rejection body) {
        return filings.reject(caller(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("{id}/roster")
    @Consumes({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/octet-stream"})
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(summary = "Import the roster from CSV (UTF-8 or GBK) or XLSX; all or nothing")
    public ImportReport importRoster(@PathParam("id") long id,
                                     @Parameter(description = "MERGE (default) or REPLACE") @QueryParam("mode") String mode,
                                     InputStream body) {
        ImportMode m = Params.enumeration("mode", mode, ImportMode.class);
        return filings.importRoster(caller(), id, Params.body(body, maxUploadMb), m);
    }

    @GET
    @Path("{id}/roster")
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(summary = "The roster, one page at a time")
    public Page<RosterEntry> roster(@PathParam("id") long id, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return filings.roster(caller(), id, PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @PUT
    @Path("{id}/approval-document")
    @Consumes({"application/pdf", "application/octet-stream"})
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(summary = "Upload the approval document (批复文件), a PDF")
    public DocumentInfo putApprovalDocument(@PathParam("id") long id,
                                            @Parameter(description = "original file name") @QueryParam("filename") String filename,
                                            InputStream body) {
        byte[] data = Params.body(body, maxUploadMb);
        return filings.putApprovalDocument(caller(), id, filename, new ByteArrayInputStream(data));
    }

    @GET
    @Path("{id}/approval-document")
    @Produces({"application/pdf", "application/json"})
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(summary = "The approval document, for inline preview")
    public Response approvalDocument(@PathParam("id") long id) {
        Document d = filings.approvalDocument(caller(), id);
        return Downloads.file(d.content(), d.contentType(), d.info().filename(), true, d.info().sha256());
    }

    @GET
    @Path("{id}/certificates")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(summary = "An approved filing's certificates (证书导出), by certificate number")
    public Page<Certificate> certificates(@PathParam("id") long id,
                                          @Parameter(description = "NOT_GENERATED, QUEUED, GENERATED or FAILED")
                                          @QueryParam("status") String status,
                                          @QueryParam("page") String page, @QueryParam("size") String size) {
        return certificates.byFiling(caller(), id, Params.enumeration("status", status, GenerationStatus.class),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @POST
    @Path("{id}/certificates/export")
    @Consumes("application/json")
    @Produces({"application/zip", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(summary = "批量下载: a ZIP of the checked certificates' PDFs and manifest.csv, streamed")
    public Response export(@PathParam("id") long id, ExportRequest body) {
        CertificateExport export = certificates.export(caller(), id, body == null ? null : body.ids());
        return Downloads.stream(export::writeTo, "application/zip", export.fileName(), false, null, -1);
    }
}
