package org.titlecert.rest.internal;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Scopes;
import org.titlecert.metrics.MetricsReadout;
import org.titlecert.notice.ChannelStatus;
import org.titlecert.notice.NoticeService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** This node's metrics, for Prometheus and for the dashboard: system admins, or a key with metrics:read. */
@Path("/metrics")
@Tag(name = "platform")
public class MetricsResource {

    private final MetricsReadout readout;
    private final NoticeService notices;

    @Context
    private HttpServletRequest request;

    MetricsResource(MetricsReadout readout, NoticeService notices) {
        this.readout = readout;
        this.notices = notices;
    }

    @GET
    @Path("notices")
    @Produces("application/json")
    @RequiresScope(Scopes.METRICS_READ)
    @Operation(operationId = "listNoticeDeliveries",
            summary = "消息投递 · Each notice channel's queue: waiting, sent, given up, and the latest failure")
    public List<ChannelStatus> notices() {
        return notices.deliveries(AuthFilter.caller(request));
    }

    @GET
    @Produces("text/plain")
    @RequiresScope(Scopes.METRICS_READ)
    @Operation(operationId = "getMetrics", summary = "运行指标 · This node's metrics in Prometheus' text format: the "
            + "queue, generation, failures by reason, verifications, logins, requests per route, the JVM, the disk",
            responses = @ApiResponse(responseCode = "200", description = "Prometheus text format 0.0.4",
                    content = @Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary"))))
    public Response prometheus() throws java.io.IOException {
        // written whole before the answer starts (some tens of kB), so that a refusal is a JSON error
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(32 * 1024);
        readout.writePrometheus(AuthFilter.caller(request), text);
        return Response.ok(text.toByteArray(), MetricsReadout.PROMETHEUS_TEXT).build();
    }

    @GET
    @Path("dashboard")
    @Produces("application/json")
    @RequiresScope(Scopes.METRICS_READ)
    @Operation(operationId = "getMetricsDashboard",
            summary = "运行概况 · The dashboard's charts over the last hour, one point per sampling interval")
    public MetricsReadout.Dashboard dashboard() {
        return readout.dashboard(AuthFilter.caller(request));
    }
}
