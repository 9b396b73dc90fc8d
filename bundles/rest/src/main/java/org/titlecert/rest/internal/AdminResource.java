package org.titlecert.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditEntry;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.AuditQuery;
import org.titlecert.audit.Outcome;
import org.titlecert.identity.AdminAccount;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.ApiKey;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.PendingIndividual;
import org.titlecert.identity.RegistrationService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Platform administration: admin accounts, API keys, confirming individuals, the audit log. */
@Path("/")
@Produces("application/json")
@Tag(name = "administration")
public class AdminResource {

    /** A new admin account. */
    public record NewAdmin(String login, String displayName, Role role, Long unitId) {
    }

    /** A new API key. */
    public record NewApiKey(String label, Long unitId, Set<String> scopes) {
    }

    private final AdminAccountService admins;
    private final ApiKeyService keys;
    private final RegistrationService registration;
    private final AuditLog audit;

    @Context
    private HttpServletRequest request;

    AdminResource(AdminAccountService admins, ApiKeyService keys, RegistrationService registration, AuditLog audit) {
        this.admins = admins;
        this.keys = keys;
        this.registration = registration;
        this.audit = audit;
    }

    private Caller caller() {
        return AuthFilter.caller(request);
    }

    @GET
    @Path("admin-accounts")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "listAdminAccounts", summary = "管理员账号 · Admin accounts (system admins)")
    public List<AdminAccount> admins() {
        return admins.list(caller());
    }

    @POST
    @Path("admin-accounts")
    @Consumes("application/json")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "createAdminAccount",
            summary = "新增管理员账号 · Create an admin account; the generated password is returned once",
            responses = @ApiResponse(responseCode = "201", description = "created; secret is the one-time password",
                    headers = @Header(name = "Location", description = "the new account's URL",
                            schema = @Schema(type = "string", format = "uri")),
                    content = @Content(schema = @Schema(implementation = NewSecret.class))))
    public Response createAdmin(NewAdmin body) {
        if (body == null) {
            throw TitleCertException.invalid("INVALID_BODY", "请求内容不能为空");
        }
        NewSecret s = admins.create(caller(), body.login(), body.displayName(), body.role(), body.unitId());
        return Response.created(Created.location(request, s.id())).entity(s).header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("admin-accounts/{id}/disable")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "disableAdminAccount", summary = "停用管理员账号 · Disable an admin account and end its sessions",
            responses = @ApiResponse(responseCode = "204", description = "disabled"))
    public Response disable(@PathParam("id") long id) {
        admins.setEnabled(caller(), id, false);
        return Response.noContent().build();
    }

    @POST
    @Path("admin-accounts/{id}/enable")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "enableAdminAccount", summary = "启用管理员账号 · Enable an admin account",
            responses = @ApiResponse(responseCode = "204", description = "enabled"))
    public Response enable(@PathParam("id") long id) {
        admins.setEnabled(caller(), id, true);
        return Response.noContent().build();
    }

    @POST
    @Path("admin-accounts/{id}/reset-password")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "resetAdminPassword",
            summary = "重置密码 · Set a new generated password, returned once, and end the account's sessions",
            responses = @ApiResponse(responseCode = "200", description = "secret is the one-time password",
                    content = @Content(schema = @Schema(implementation = NewSecret.class))))
    public Response resetPassword(@PathParam("id") long id) {
        return Response.ok(admins.resetPassword(caller(), id)).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("api-keys")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "listApiKeys", summary = "API 密钥 · API keys (system admins)")
    public List<ApiKey> apiKeys() {
        return keys.list(caller());
    }

    @POST
    @Path("api-keys")
    @Consumes("application/json")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "createApiKey", summary = "新增 API 密钥 · Create an API key for a unit or the system; the key is returned once",
            responses = @ApiResponse(responseCode = "201", description = "created; secret is the key, shown once",
                    headers = @Header(name = "Location", description = "the new key's URL",
                            schema = @Schema(type = "string", format = "uri")),
                    content = @Content(schema = @Schema(implementation = NewSecret.class))))
    public Response createApiKey(NewApiKey body) {
        if (body == null) {
            throw TitleCertException.invalid("INVALID_BODY", "请求内容不能为空");
        }
        NewSecret s = keys.create(caller(), body.label(), body.unitId(), body.scopes());
        return Response.created(Created.location(request, s.id())).entity(s).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("api-keys/{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "revokeApiKey", summary = "撤销 API 密钥 · Revoke an API key",
            responses = @ApiResponse(responseCode = "204", description = "revoked"))
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("individuals/pending")
    @RequiresScope(Scopes.PERSONS_READ)
    @Operation(operationId = "listPendingIndividuals", summary = "个人注册审核 · Self-registered individuals awaiting confirmation",
            description = "For a unit, those who chose it on their form, each marked whether they are on one of its rosters.")
    public Page<PendingIndividual> pending(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return registration.pending(caller(), PageRequest.of(page, size));
    }

    @POST
    @Path("individuals/{accountId}/reject")
    @Consumes("application/json")
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(operationId = "rejectIndividual",
            summary = "驳回注册 · Refuse a registration with a reason the person sees; they may correct and resubmit",
            responses = @ApiResponse(responseCode = "204", description = "refused"))
    public Response reject(@PathParam("accountId") long accountId, FilingResource.Rejection body) {
        registration.reject(caller(), accountId, body == null ? null : body.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("individuals/{accountId}/confirm")
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(operationId = "confirmIndividual",
            summary = "审核通过注册 · Confirm an individual's ID number, linking the account to the person's titles",
            responses = @ApiResponse(responseCode = "204", description = "confirmed"))
    public Response confirm(@PathParam("accountId") long accountId) {
        registration.confirm(caller(), accountId);
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    @RequiresScope(Scopes.AUDIT_READ)
    @Operation(operationId = "listAuditEntries", summary = "审计日志 · The audit log, newest first (system admins)")
    public Page<AuditEntry> audit(@Parameter(description = "操作人 · actor") @QueryParam("actor") String actor,
                                  @Parameter(description = "操作 · action") @QueryParam("action") String action,
                                  @QueryParam("outcome") Outcome outcome,
                                  @Parameter(description = "起始时间（含） · from, ISO-8601") @QueryParam("from") Instant from,
                                  @Parameter(description = "截止时间 · to, ISO-8601") @QueryParam("to") Instant to,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.find(caller(), new AuditQuery(actor, action, outcome, from, to, PageRequest.of(page, size)));
    }

    @GET
    @Path("audit/export.csv")
    @Produces("text/csv")
    @RequiresScope(Scopes.AUDIT_READ)
    @Operation(operationId = "exportAuditEntries",
            summary = "审计日志导出 · The audit log as CSV (UTF-8 with BOM), oldest first, every entry the filters select "
                    + "(system admins); the export is itself recorded",
            responses = @ApiResponse(responseCode = "200", description = "审计日志.csv",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    public Response exportAudit(@Parameter(description = "操作人 · actor") @QueryParam("actor") String actor,
                                @Parameter(description = "操作 · action") @QueryParam("action") String action,
                                @QueryParam("outcome") Outcome outcome,
                                @Parameter(description = "起始时间（含） · from, ISO-8601") @QueryParam("from") Instant from,
                                @Parameter(description = "截止时间 · to, ISO-8601") @QueryParam("to") Instant to) {
        AuditLog.Export export = audit.export(caller(), new AuditQuery(actor, action, outcome, from, to,
                PageRequest.of(1, 1)));
        return Downloads.stream(export::writeTo, "text/csv; charset=UTF-8", "审计日志.csv", false, null, -1);
    }
}
