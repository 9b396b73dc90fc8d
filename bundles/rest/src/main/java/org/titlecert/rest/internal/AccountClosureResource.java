package org.titlecert.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.identity.Session;
import org.titlecert.verification.PrivacyCentre;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 注销账号: the calling individual closes their account; what law keeps stays, the rest is erased. */
@Path("/me/account-closure")
@Produces("application/json")
@Tag(name = "individuals")
public class AccountClosureResource {

    /** The local password (none for an account that signs in only through the SSO), and 注销 typed out. */
    public record AccountClosure(String password, String confirmation) {
    }

    private final PrivacyCentre privacy;

    @Context
    private HttpServletRequest request;

    AccountClosureResource(PrivacyCentre privacy) {
        this.privacy = privacy;
    }

    @POST
    @Consumes("application/json")
    @DuringRegistration
    @Operation(operationId = "createMyAccountClosure",
            summary = "注销账号 · Close my account: the account, form, messages, share codes and checks are erased; roster entries, certificates and the audit log stay",
            responses = @ApiResponse(responseCode = "204", description = "closed; the session has ended"))
    public Response close(AccountClosure body) {
        AccountClosure b = body == null ? new AccountClosure(null, null) : body;
        privacy.closeAccount(AuthFilter.caller(request), b.password(), b.confirmation(), OriginFilter.address(request));
        return Response.noContent().header("Set-Cookie", Session.clearCookie(OriginFilter.secure(request))).build();
    }
}
