package org.titlecert.rest.internal;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.seal.SealRegistry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which committees and issuing authorities have an e-seal. */
@Path("/seals")
@Produces("application/json")
@Tag(name = "seals")
public class SealResource {

    private final SealRegistry seals;

    @Context
    private HttpServletRequest request;

    SealResource(SealRegistry seals) {
        this.seals = seals;
    }

    @GET
    @RequiresScope(Scopes.CERTIFICATES_READ)
    @Operation(operationId = "listIssuerSeals", summary = "电子印章 · Every committee and issuing authority, "
            + "with the seal provider and signing certificate if it has one")
    public List<SealRegistry.IssuerSeal> issuers() {
        if (!AuthFilter.caller(request).isAdmin()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅管理人员可以查看电子印章配置");
        }
        return seals.issuers();
    }
}
