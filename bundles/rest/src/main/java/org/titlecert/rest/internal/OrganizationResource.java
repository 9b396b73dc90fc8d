package org.titlecert.rest.internal;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

import org.titlecert.api.Scopes;
import org.titlecert.filing.Committee;
import org.titlecert.filing.IssuingAuthority;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.OrganizingUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The reference lists a filing refers to. */
@Path("/")
@Produces("application/json")
@Tag(name = "organizations")
public class OrganizationResource {

    /** An issuing authority's name and 统一社会信用代码 (null or empty to clear it). */
    public record AuthorityChange(String name, String creditCode) {
    }

    private final OrganizationService organizations;

    @Context
    private HttpServletRequest request;

    OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GET
    @DuringRegistration
    @Path("units")
    @Operation(operationId = "listUnits", summary = "评委会组建单位 · Organizing units")
    public List<OrganizingUnit> units() {
        return organizations.units();
    }

    @GET
    @DuringRegistration
    @Path("committees")
    @Operation(operationId = "listCommittees", summary = "评委会 · Evaluation committees")
    public List<Committee> committees() {
        return organizations.committees();
    }

    @GET
    @DuringRegistration
    @Path("issuing-authorities")
    @Operation(operationId = "listIssuingAuthorities", summary = "发证机关 · Issuing authorities")
    public List<IssuingAuthority> issuingAuthorities() {
        return organizations.issuingAuthorities();
    }

    @PUT
    @Path("issuing-authorities/{id}")
    @Consumes("application/json")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "updateIssuingAuthority",
            summary = "修改发证机关 · Rename an issuing authority and set its 统一社会信用代码 (system admins)",
            description = "Certificates generated afterwards carry the code as 发证机构代码 in their 电子证照 metadata.")
    public IssuingAuthority updateIssuingAuthority(@PathParam("id") long id, AuthorityChange change) {
        AuthorityChange c = change == null ? new AuthorityChange(null, null) : change;
        return organizations.updateIssuingAuthority(AuthFilter.caller(request), id, c.name(), c.creditCode());
    }
}
