package org.titlecert.rest.internal;

import java.util.List;

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
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.ApiKey;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.Verifier;
import org.titlecert.identity.VerifierApplication;
import org.titlecert.identity.VerifierService;
import org.titlecert.identity.VerifierStatus;
import org.titlecert.verification.CheckRecord;
import org.titlecert.verification.VerificationService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 查验单位: an organisation applies (public, with a captcha), a system admin approves or refuses it, and its
 * account reads its own organisation and the checks it made.
 */
@Path("/")
@Produces("application/json")
@Tag(name = "verifiers")
public class VerifierResource {

    private final VerifierService verifiers;
    private final VerificationService verification;

    @Context
    private HttpServletRequest request;

    VerifierResource(VerifierService verifiers, VerificationService verification) {
        this.verifiers = verifiers;
        this.verification = verification;
    }

    private Caller caller() {
        return AuthFilter.caller(request);
    }

    @POST
    @Path("verifiers")
    @Public
    @Consumes("application/json")
    @Operation(operationId = "registerVerifier",
            summary = "查验单位注册 · An organisation applies with its 统一社会信用代码 and the account it asks for",
            description = "A captcha is needed. The account logs in (kind verifier) once a system admin approves it.",
            responses = @ApiResponse(responseCode = "201", description = "applied; waits for approval",
                    content = @Content(schema = @Schema(implementation = Verifier.class))))
    public Response apply(VerifierApplication body) {
        if (body == null) {
            throw TitleCertException.invalid("VERIFIER_INVALID", "请填写查验单位注册信息");
        }
        Verifier v = verifiers.apply(body, OriginFilter.address(request));
        return Response.created(Created.location(request, v.id())).entity(v).header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("verifiers")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "listVerifiers", summary = "查验单位审核 · Verifier applications, newest first; system admins")
    public Page<Verifier> list(@QueryParam("status") VerifierStatus status, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        return verifiers.list(caller(), status, PageRequest.of(page, size));
    }

    @GET
    @Path("verifiers/{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "getVerifier", summary = "查验单位 · One verifier application; system admins")
    public Verifier get(@PathParam("id") long id) {
        return verifiers.get(caller(), id);
    }

    @POST
    @Path("verifiers/{id}/approve")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "approveVerifier", summary = "审核通过 · Approve a pending application: its account can log in")
    public Verifier approve(@PathParam("id") long id) {
        return verifiers.approve(caller(), id);
    }

    @POST
    @Path("verifiers/{id}/reject")
    @Consumes("application/json")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "rejectVerifier",
            summary = "不予通过 / 停用 · Refuse a pending application or stop an approved verifier, with a reason")
    public Verifier reject(@PathParam("id") long id, FilingResource.Rejection body) {
        return verifiers.reject(caller(), id, body == null ? null : body.reason());
    }

    @GET
    @Path("verifier")
    @ForVerifiers
    @Operation(operationId = "getMyVerifier", summary = "本单位 · The 查验单位 the calling verifier account acts for")
    public Verifier mine() {
        return verifiers.of(caller()).orElseThrow(() -> TitleCertException.forbidden("VERIFIERS_ONLY",
                "仅限查验单位使用"));
    }

    @GET
    @Path("verifier/checks")
    @ForVerifiers
    @Operation(operationId = "listMyVerifierChecks",
            summary = "本单位查验记录 · The checks the calling verifier account made, newest first")
    public Page<CheckRecord> checks(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return verification.verifierChecks(caller(), PageRequest.of(page, size));
    }

    /** What a verifier's new key is for. */
    public record NewVerifierKey(String label) {
    }

    @GET
    @Path("verifier/api-keys")
    @ForVerifiers
    @Operation(operationId = "listMyVerifierApiKeys", summary = "本单位 API 密钥 · The calling verifier's own keys (scope verify)")
    public List<ApiKey> apiKeys() {
        return verifiers.apiKeys(caller());
    }

    @POST
    @Path("verifier/api-keys")
    @ForVerifiers
    @Consumes("application/json")
    @Operation(operationId = "createMyVerifierApiKey",
            summary = "新建 API 密钥 · A key for the verifier's HR system: 批量核验 and its reports; shown this once",
            responses = @ApiResponse(responseCode = "201", description = "the key, once",
                    content = @Content(schema = @Schema(implementation = NewSecret.class))))
    public Response createApiKey(NewVerifierKey body) {
        NewSecret made = verifiers.createApiKey(caller(), body == null ? null : body.label());
        return Response.created(Created.location(request, "verifier/api-keys", "verifier/api-keys", made.id()))
                .entity(made).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("verifier/api-keys/{id}")
    @ForVerifiers
    @Operation(operationId = "revokeMyVerifierApiKey", summary = "撤销 API 密钥 · Revoke one of the verifier's keys at once",
            responses = @ApiResponse(responseCode = "204", description = "revoked"))
    public Response revokeApiKey(@PathParam("id") long id) {
        verifiers.revokeApiKey(caller(), id);
        return Response.noContent().build();
    }
}
