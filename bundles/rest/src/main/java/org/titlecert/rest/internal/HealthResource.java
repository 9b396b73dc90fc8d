package org.titlecert.rest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.titlecert.api.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Readiness of the platform: every bundle active, every TitleCert component active (so start-up work
 * such as loading demo data has finished) and the database answering. Public.
 */
@Path("/health")
@Tag(name = "platform")
@Public
public class HealthResource {

    /** UP or DOWN; the details only for system administrators. */
    public record Health(String status, String database, Bundles bundles, Components components) {
    }

    /** How many bundles there are, and which are not active. */
    public record Bundles(int total, List<String> inactive) {
    }

    /** TitleCert components that are not ready. */
    public record Components(List<String> notReady) {
    }

    private final BundleContext context;
    private final Supplier<DataSource> dataSource;
    private final ServiceComponentRuntime scr;

    @Context
    private HttpServletRequest request;

    HealthResource(BundleContext context, Supplier<DataSource> dataSource, ServiceComponentRuntime scr) {
        this.context = context;
        this.dataSource = dataSource;
        this.scr = scr;
    }

    @GET
    @Produces("application/json")
    @Operation(operationId = "getHealth", summary = "运行状态 · Platform health: UP when all bundles are active and "
            + "the database answers", description = "Details (database, bundles, components) for system administrators only.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "UP",
                            content = @Content(schema = @Schema(implementation = Health.class))),
                    @ApiResponse(responseCode = "503", description = "DOWN",
                            content = @Content(schema = @Schema(implementation = Health.class)))})
    public Response health() {
        List<String> inactive = Arrays.stream(context.getBundles())
                .filter(b -> !active(b))
                .map(b -> b.getSymbolicName() + " " + b.getVersion())
                .toList();
        List<String> notReady = notReadyComponents();
        boolean db = databaseAnswers();
        boolean up = db && inactive.isEmpty() && notReady.isEmpty();
        Caller caller = AuthFilter.caller(request);
        // what is inactive tells an attacker what to aim at: details for system administrators only
        Health body = caller != null && caller.isSystem()
                ? new Health(up ? "UP" : "DOWN", db ? "UP" : "DOWN", new Bundles(context.getBundles().length, inactive),
                new Components(notReady))
                : new Health(up ? "UP" : "DOWN", null, null, null);
        return Response.status(up ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }

    /** TitleCert components that are not active yet: unsatisfied, failed, or still activating. */
    private List<String> notReadyComponents() {
        return scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("org.titlecert."))
                .filter(d -> scr.isComponentEnabled(d))
                .filter(d -> {
                    var configs = scr.getComponentConfigurationDTOs(d);
                    int wanted = d.immediate ? ComponentConfigurationDTO.ACTIVE
                            : ComponentConfigurationDTO.SATISFIED | ComponentConfigurationDTO.ACTIVE;
                    if (configs.isEmpty()) {
                        // a factory component nobody configured (no seal yet) is idle, not broken
                        return !"require".equals(d.configurationPolicy);
                    }
                    return configs.stream().anyMatch(c -> (c.state & wanted) == 0);
                })
                .map(d -> d.name)
                .toList();
    }

    private static boolean active(Bundle b) {
        boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
        return fragment ? b.getState() == Bundle.RESOLVED : b.getState() == Bundle.ACTIVE;
    }

    private boolean databaseAnswers() {
        DataSource ds = dataSource.get();
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
