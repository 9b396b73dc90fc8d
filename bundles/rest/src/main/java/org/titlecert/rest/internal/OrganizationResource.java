package org.titlecert.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

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
@DuringRegistration
public class OrganizationResource {

    private final OrganizationService organizations;

    OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GET
    @Path("units")
    @Operation(operationId = "listUnits", summary = "评委会组建单位 · Organizing units")
    public List<OrganizingUnit> units() {
        return organizations.units();
    }

    @GET
    @Path("committees")
    @Operation(operationId = "listCommittees", summary = "评委会 · Evaluation committees")
    public List<Committee> committees() {
        return organizations.committees();
    }

    @GET
    @Path("issuing-authorities")
    @Operation(operationId = "listIssuingAuthorities", summary = "发证机关 · Issuing authorities")
    public List<IssuingAuthority> issuingAuthorities() {
        return organizations.issuingAuthorities();
    }
}
