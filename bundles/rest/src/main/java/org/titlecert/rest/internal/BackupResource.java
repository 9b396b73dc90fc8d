package org.titlecert.rest.internal;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.backup.BackupStatus;
import org.titlecert.backup.Backups;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Online backups (system admins): start one, follow its progress, see the last ones. */
@Path("/backups")
@Produces("application/json")
@Tag(name = "administration")
public class BackupResource {

    private final Backups backups;

    @Context
    private HttpServletRequest request;

    BackupResource(Backups backups) {
        this.backups = backups;
    }

    @POST
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "createBackup",
            summary = "开始备份 · Start an online backup into a new folder under the configured backup directory "
                    + "(system admins; embedded database only; one at a time)",
            responses = @ApiResponse(responseCode = "202", description = "started; follow it at Location",
                    headers = @Header(name = "Location", description = "the backup's URL",
                            schema = @Schema(type = "string", format = "uri")),
                    content = @Content(schema = @Schema(implementation = BackupStatus.class))))
    public Response start() {
        BackupStatus s = backups.start(AuthFilter.caller(request));
        return Response.accepted(s).location(Created.location(request, s.id())).build();
    }

    @GET
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "listBackups",
            summary = "备份记录 · This node's backups, newest first (since it started, else the last one before)")
    public List<BackupStatus> list() {
        return backups.recent(AuthFilter.caller(request));
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(operationId = "getBackup", summary = "备份进度 · A backup's progress and, once done, what it holds")
    public BackupStatus get(@PathParam("id") String id) {
        return backups.find(AuthFilter.caller(request), id)
                .orElseThrow(() -> TitleCertException.notFound("BACKUP_NOT_FOUND", "没有这个备份"));
    }
}
