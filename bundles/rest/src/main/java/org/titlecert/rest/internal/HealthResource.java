package org.titlecert.rest.internal;

import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.titlecert.api.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Readiness of the platform, as {@code /api/health/ready} gives it ({@link Readiness}), in the versioned API.
 * Public; the details only for system administrators.
 */
@Path("/health")
@Tag(name = "platform")
@Public
public class HealthResource {

    /** UP or DOWN; the details only for system administrators. */
    public record Health(String status, String database, Bundles bundles, Components components,
            Map<String, Boolean> checks, List<String> pendingSchemas) {
    }

    /** How many bundles there are, and which are not active. */
    public record Bundles(int total, List<String> inactive) {
    }

    /** TitleCert components that are not ready. */
    public record Components(List<String> notReady) {
    }

    private final BundleContext context;
    private final Readiness readiness;

    @Context
    private HttpServletRequest request;

    HealthResource(BundleContext context, Readiness readiness) {
        this.context = context;
        this.readiness = readiness;
    }

    @GET
    @Produces("application/json")
    @Operation(operationId = "getHealth", summary = "运行状态 · Platform health: UP when all bundles are active, the "
            + "database answers, the schema is current, a template is there and the file store takes a write",
            description = "Details (checks, database, bundles, components, schemas not yet current) for system "
                    + "administrators only.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "UP",
                            content = @Content(schema = @Schema(implementation = Health.class))),
                    @ApiResponse(responseCode = "503", description = "DOWN",
                            content = @Content(schema = @Schema(implementation = Health.class)))})
    public Response health() {
        Map<String, Boolean> checks = readiness.checks();
        boolean up = Readiness.ready(checks);
        Caller caller = AuthFilter.caller(request);
        // what is inactive tells an attacker what to aim at: details for system administrators only
        Health body = caller != null && caller.isSystem()
                ? new Health(up ? "UP" : "DOWN", checks.get("database") ? "UP" : "DOWN",
                new Bundles(context.getBundles().length, readiness.inactiveBundles()),
                new Components(readiness.notReadyComponents()), checks, readiness.pendingSchemas())
                : new Health(up ? "UP" : "DOWN", null, null, null, null, null);
        return Response.status(up ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }
}
