package org.titlecert.rest.internal;

import java.io.ByteArrayInputStream;
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

import org.apache.cxf.jaxrs.ext.multipart.Multipart;
import javax.ws.rs.core.Response;

import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Scopes;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateExport;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.FilingReports;
import org.titlecert.notice.NoticeService;
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
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final NoticeService notices;
    private final FilingReports reports;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    FilingResource(FilingService filings, CertificateService certificates, NoticeService notices,
                   FilingReports reports, int maxUploadMb) {
        this.notices = notices;
        this.reports = reports;
        this.filings = filings;
        this.certificates = certificates;
        this.maxUploadMb = maxUploadMb;
    }

    private Caller caller() {
        return AuthFilter.caller(request);
    }

    @GET
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(operationId = "listFilings", summary = "查询批复备案 · List filings with filters and paging",
            description = "A unit's admins and keys see their unit's filings; system callers see all.")
    public Page<Filing> list(
            @Parameter(description = "申请名称包含 · substring of the filing name") @QueryParam("name") String name,
            @Parameter(description = "批复文号包含 · substring of the approval number") @QueryParam("approvalNumber") String approvalNumber,
            @Parameter(description = "年度 · year") @QueryParam("year") Integer year,
            @Parameter(description = "类型 · type") @QueryParam("type") FilingType type,
            @Parameter(description = "审核状态 · status") @QueryParam("status") FilingStatus status,
            @Parameter(description = "组建单位 · organizing unit id (system callers only)") @QueryParam("unitId") Long unitId,
            @Parameter(description = "页码，从 1 开始 · page, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数 · page size") @QueryParam("size") Integer size,
            @Parameter(description = "排序字段，前缀 - 为倒序 · field, - prefix for descending: id, name, approvalNumber, "
                    + "year, type, status, createdAt") @QueryParam("sort") String sort) {
        return filings.find(caller(), new FilingQuery(name, approvalNumber, year, type, status, unitId, sort,
                PageRequest.of(page, size)));
    }

    @POST
    @Consumes("application/json")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(operationId = "createFiling", summary = "新增批复备案 · Create a pending filing",
            responses = @ApiResponse(responseCode = "201", description = "created",
                    headers = @Header(name = "Location", description = "the new filing's URL",
                            schema = @Schema(type = "string", format = "uri")),
                    content = @Content(schema = @Schema(implementation = Filing.class))))
    public Response create(FilingDraft draft) {
        Filing f = filings.create(caller(), draft);
        return Response.created(Created.location(request, f.id())).entity(f).build();
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(operationId = "getFiling", summary = "查看批复备案 · One filing")
    public Filing get(@PathParam("id") long id) {
        return filings.get(caller(), id);
    }

    @PUT
    @Path("{id}")
    @Consumes("application/json")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(operationId = "updateFiling", summary = "修改待审核的批复备案 · Change a pending filing")
    public Filing update(@PathParam("id") long id, FilingDraft draft) {
        return filings.update(caller(), id, draft);
    }

    @POST
    @Path("{id}/approve")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(operationId = "approveFiling", summary = "审核通过 · Approve a pending filing",
            description = "Needs the approval document and a roster. Certificates are generated at once.",
            requestBody = @RequestBody(required = false, description = "批复日期，缺省为今天 · the approval date, today if absent",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Approval.class))))
    public Filing approve(@PathParam("id") long id, @Parameter(hidden = true) String body) {
        Approval a = body == null || body.isBlank() ? new Approval(null) : Json.read(body, Approval.class);
        return filings.approve(caller(), id, a.approvalDate());
    }

    @POST
    @Path("{id}/reject")
    @Consumes("application/json")
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(operationId = "rejectFiling", summary = "审核不通过 · Reject a pending filing with a reason")
    public Filing reject(@PathParam("id") long id, Rejection body) {
        return filings.reject(caller(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("{id}/roster")
    @Consumes({"multipart/form-data", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/octet-stream"})
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(operationId = "importRoster", summary = "导入人员名单 · Import the roster from CSV (UTF-8 or GBK) or XLSX",
            description = "All or nothing: a file with any bad row changes nothing and the report lists every problem. "
                    + "The format is recognised from the content, whatever the Content-Type says.",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public ImportReport importRoster(@PathParam("id") long id,
                                     @Parameter(description = "MERGE（默认，合并）或 REPLACE（替换） · MERGE (default) or REPLACE")
                                     @QueryParam("mode") ImportMode mode,
                                     @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream body) {
        return filings.importRoster(caller(), id, Params.body(body, maxUploadMb), mode);
    }

    @GET
    @Path("{id}/roster")
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(operationId = "listRoster", summary = "查看人员名单 · The roster, one page at a time")
    public Page<RosterEntry> roster(@PathParam("id") long id, @QueryParam("page") Integer page,
                                    @QueryParam("size") Integer size) {
        return filings.roster(caller(), id, PageRequest.of(page, size));
    }

    @PUT
    @Path("{id}/approval-document")
    @Consumes({"multipart/form-data", "application/pdf", "application/octet-stream"})
    @RequiresScope(Scopes.FILINGS_WRITE)
    @Operation(operationId = "uploadApprovalDocument", summary = "上传批复文件 · Upload the approval document, a PDF",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public DocumentInfo putApprovalDocument(@PathParam("id") long id,
                                            @Parameter(description = "原文件名 · original file name") @QueryParam("filename") String filename,
                                            @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream body) {
        byte[] data = Params.body(body, maxUploadMb);
        return filings.putApprovalDocument(caller(), id, filename, new ByteArrayInputStream(data));
    }

    @GET
    @Path("{id}/approval-document")
    @Produces({"application/pdf", "application/json"})
    @RequiresScope(Scopes.FILINGS_READ)
    @Operation(operationId = "downloadApprovalDocument", summary = "查看批复文件 · The approval document, for inline preview",
            responses = @ApiResponse(responseCode = "200", description = "the PDF",
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    public Response approvalDocument(@PathParam("id") long id) {
        Document d = filings.approvalDocument(caller(), id);
        return Downloads.file(d.content(), d.contentType(), d.info().filename(), true, d.info().sha256());
    }

    @GET
    @Path("{id}/certificates")
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "listFilingCertificates",
            summary = "证书导出：批复备案的证书 · An approved filing's certificates, by certificate number")
    public Page<Certificate> certificates(@PathParam("id") long id,
                                          @Parameter(description = "生成状态 · generation status")
                                          @QueryParam("status") GenerationStatus status,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                          @Parameter(description = "身份证号码或姓名（部分） · a full ID number, or "
                                                  + "part of a name")
                                          @QueryParam("search") String search) {
        return certificates.byFiling(caller(), id, status, search, PageRequest.of(page, size));
    }

    @GET
    @Path("{id}/certificates/all.zip")
    @Produces({"application/zip", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "exportAllCertificates",
            summary = "下载全部 · Every generated certificate of the filing as one ZIP, with manifest.csv, streamed",
            responses = @ApiResponse(responseCode = "200", description = "the ZIP; manifest.csv lists each file's SHA-256",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    public Response exportAll(@PathParam("id") long id) {
        CertificateExport export = certificates.exportAll(caller(), id);
        return Downloads.stream(export::writeTo, "application/zip", export.fileName(), false, null, -1);
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("{id}/certificates/not-generated.xlsx")
    @Produces({XLSX, "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "exportNotGeneratedList",
            summary = "导出未生成名单 · The people without a certificate, why, and their contacts, as XLSX",
            responses = @ApiResponse(responseCode = "200", description = "the spreadsheet",
                    content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))))
    public Response exportNotGenerated(@PathParam("id") long id) {
        FilingReports.Spreadsheet sheet = reports.notGenerated(caller(), id);
        return Downloads.stream(sheet::writeTo, XLSX, sheet.fileName(), false, null, -1);
    }

    @POST
    @Path("{id}/certificates/export")
    @Consumes("application/json")
    @Produces({"application/zip", "application/json"})
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "exportCertificates",
            summary = "批量下载 · A ZIP of the checked certificates' PDFs and manifest.csv, streamed",
            responses = @ApiResponse(responseCode = "200", description = "the ZIP; manifest.csv lists each file's SHA-256",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    public Response export(@PathParam("id") long id, ExportRequest body) {
        CertificateExport export = certificates.export(caller(), id, body == null ? null : body.ids());
        return Downloads.stream(export::writeTo, "application/zip", export.fileName(), false, null, -1);
    }

    /** How many certificates a filing-wide act changed. */
    public record CertificateCount(int certificates) {
    }

    /** How many people a photo reminder went to. */
    public record ReminderCount(int reminded) {
    }

    @POST
    @Path("{id}/certificates/photo-reminders")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "remindPhotos",
            summary = "提醒上传照片 · Remind every person of the filing without a certificate for want of a photo",
            description = "In one act, through the message centre, e-mail and SMS; a person reminded of this filing "
                    + "today is not reminded again. Sending is queued: the answer does not wait for it.")
    public ReminderCount remindPhotos(@PathParam("id") long id) {
        return new ReminderCount(notices.remindPhotos(caller(), id));
    }

    @POST
    @Path("{id}/certificates/revoke")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "revokeFilingCertificates",
            summary = "撤销整批证书 · Revoke every valid certificate of an approved filing in one act",
            description = "System admins, for a filing found fraudulent. The reason's text shows on each public "
                    + "verification page; the note stays internal. Reinstating the filing gives them back.")
    public CertificateCount revokeCertificates(@PathParam("id") long id, CertificateResource.Revocation body) {
        return new CertificateCount(certificates.revokeFiling(caller(), id, body == null ? null : body.reason(),
                body == null ? null : body.note()));
    }

    @POST
    @Path("{id}/certificates/reinstate")
    @Consumes("application/json")
    @RequiresScope(Scopes.CERTIFICATES_WRITE)
    @Operation(operationId = "reinstateFilingCertificates",
            summary = "恢复整批证书 · Reinstate the certificates that the filing's revocation took",
            description = "System admins, with a note for the audit log. Certificates revoked on their own stay "
                    + "revoked; each one reinstated is generated again as a new version.")
    public CertificateCount reinstateCertificates(@PathParam("id") long id,
                                                  CertificateResource.Reinstatement body) {
        return new CertificateCount(certificates.reinstateFiling(caller(), id, body == null ? null : body.note()));
    }
}
