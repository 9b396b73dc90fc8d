package org.titlecert.rest.internal;

import java.io.InputStream;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

import org.apache.cxf.jaxrs.ext.multipart.Multipart;
import javax.ws.rs.core.Response;

import org.titlecert.api.Scopes;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.photo.ImportedPhoto;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.PasswordResets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** People on a unit's rosters, for that unit's admins and keys: their titles and ID photos. */
@Path("/")
@Produces("application/json")
@Tag(name = "persons")
public class PersonResource {

    private final FilingService filings;
    private final PhotoService photos;
    private final PasswordResets resets;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    PersonResource(FilingService filings, PhotoService photos, PasswordResets resets, int maxUploadMb) {
        this.filings = filings;
        this.photos = photos;
        this.resets = resets;
        this.maxUploadMb = maxUploadMb;
    }

    @POST
    @Path("persons/{personId}/password-reset")
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(operationId = "resetPersonPassword",
            summary = "重置人员登录密码 · A one-time password for a person's local account, shown once",
            description = "Admins of a unit the person is on an approved filing of. The person must change it at the "
                    + "next login; their sessions end.",
            responses = @ApiResponse(responseCode = "200", description = "the one-time password, shown once",
                    content = @Content(schema = @Schema(implementation = NewSecret.class))))
    public Response resetPassword(@PathParam("personId") long personId) {
        return Response.ok(resets.resetByUnit(AuthFilter.caller(request), personId)).header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("persons/{personId}/titles")
    @RequiresScope(Scopes.PERSONS_READ)
    @Operation(operationId = "listPersonTitles", summary = "人员的职称 · A person's titles from approved filings of the caller's unit")
    public List<PersonTitle> titles(@PathParam("personId") long personId) {
        return filings.titles(AuthFilter.caller(request), personId);
    }

    @GET
    @Path("persons/{personId}/photo")
    @Produces({"image/jpeg", "application/json"})
    @RequiresScope(Scopes.PERSONS_READ)
    @Operation(operationId = "downloadPersonPhoto", summary = "人员证件照 · A person's ID photo",
            responses = @ApiResponse(responseCode = "200", description = "the JPEG",
                    content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))))
    public Response photo(@PathParam("personId") long personId) {
        return PhotoResponses.jpeg(photos.get(AuthFilter.caller(request), personId));
    }

    @PUT
    @Path("persons/{personId}/photo")
    @Consumes({"multipart/form-data", "image/jpeg", "image/png", "application/octet-stream"})
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(operationId = "uploadPersonPhoto",
            summary = "更换人员证件照 · Replace a person's ID photo; the server applies the rotation and crop",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public PhotoInfo putPhoto(@PathParam("personId") long personId, @BeanParam PhotoResponses.Crop crop,
                              @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream body) {
        return photos.put(AuthFilter.caller(request), personId, Params.body(body, maxUploadMb), crop.edit());
    }

    @POST
    @Path("photo-imports")
    @Consumes({"multipart/form-data", "application/zip", "application/octet-stream"})
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(operationId = "importPhotos",
            summary = "批量导入证件照 · Import ID photos in bulk: a ZIP of images named by ID number; a report line per file",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public List<ImportedPhoto> importPhotos(@Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream zip) {
        return photos.importZip(AuthFilter.caller(request), zip);
    }
}
