package org.titlecert.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    @Operation(summary = "Admin accounts (system admins)")
    public List<AdminAccount> admins() {
        return admins.list(caller());
    }

    @POST
    @Path("admin-accounts")
    @Consumes("application/json")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Create an admin account; the generated password is returned once")
    public Response createAdmin(NewAdmin body) {
        if (body == null) {
            throw TitleCertException.invalid("INVALID_BODY", "请求内容不能为空");
        }
        NewSecret s = admins.create(caller(), body.login(), body.displayName(), body.role(), body.unitId());
        return Response.created(URI.create("admin-accounts/" + s.id())).entity(s).header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("admin-accounts/{id}/disable")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Disable an admin account and end its sessions")
    public Response disable(@PathParam("id") long id) {
        admins.setEnabled(caller(), id, false);
        return Response.noContent().build();
    }

    @POST
    @Path("admin-accounts/{id}/enable")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Enable an admin account")
    public Response enable(@PathParam("id") long id) {
        admins.setEnabled(caller(), id, true);
        return Response.noContent().build();
    }

    @POST
    @Path("admin-accounts/{id}/reset-password")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Set a new generated password, returned once, and end the account's sessions")
    public Response resetPassword(@PathParam("id") long id) {
        return Response.ok(admins.resetPassword(caller(), id)).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("api-keys")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "API keys (system admins)")
    public List<ApiKey> apiKeys() {
        return keys.list(caller());
    }

    @POST
    @Path("api-keys")
    @Consumes("application/json")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Create an API key for a unit or the system; the key is returned once")
    public Response createApiKey(NewApiKey body) {
        if (body == null) {
            throw TitleCertException.invalid("INVALID_BODY", "请求内容不能为空");
        }
        NewSecret s = keys.create(caller(), body.label(), body.unitId(), body.scopes());
        return Response.created(URI.create("api-keys/" + s.id())).entity(s).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("api-keys/{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Revoke an API key")
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("individuals/pending")
    @RequiresScope(Scopes.PERSONS_READ)
    @Operation(summary = "Self-registered individuals awaiting confirmation (等待单位审核): for a unit, those who "
            + "chose it on their form, each marked whether they are on one of its rosters")
    public Page<PendingIndividual> pending(@QueryParam("page") String page, @QueryParam("size") String size) {
        return registration.pending(caller(), PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    /** Why a registration is refused; the person sees it. */
    public record Rejection(String reason) {
    }

    @POST
    @Path("individuals/{accountId}/reject")
    @Consumes("application/json")
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(summary = "Refuse a registration (驳回) with a reason the person sees; they may correct and resubmit")
    public Response reject(@PathParam("accountId") long accountId, Rejection body) {
        registration.reject(caller(), accountId, body == null ? null : body.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("individuals/{accountId}/confirm")
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(summary = "Confirm an individual's ID number, linking the account to the person's titles")
    public Response confirm(@PathParam("accountId") long accountId) {
        registration.confirm(caller(), accountId);
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    @RequiresScope(Scopes.AUDIT_READ)
    @Operation(summary = "The audit log, newest first (system admins)")
    public Page<AuditEntry> audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        return audit.find(caller(), new AuditQuery(actor, action, Params.enumeration("outcome", outcome, Outcome.class),
                instant("from", from), instant("to", to),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size))));
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw TitleCertException.invalid("INVALID_PARAMETER", "参数 " + name + " 应为 ISO-8601 时间，如 2026-01-01T00:00:00Z");
        }
    }
}
