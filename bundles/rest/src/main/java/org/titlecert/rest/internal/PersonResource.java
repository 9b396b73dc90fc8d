package org.titlecert.rest.internal;

import java.io.InputStream;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Scopes;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.photo.ImportedPhoto;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** People on a unit's rosters, for that unit's admins and keys: their titles and ID photos. */
@Path("/")
@Produces("application/json")
@Tag(name = "persons")
public class PersonResource {

    private final FilingService filings;
    private final PhotoService photos;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    PersonResource(FilingService filings, PhotoService photos, int maxUploadMb) {
        this.filings = filings;
        this.photos = photos;
        this.maxUploadMb = maxUploadMb;
    }

    @GET
    @Path("persons/{personId}/titles")
    @RequiresScope(Scopes.PERSONS_READ)
    @Operation(summary = "A person's titles from approved filings of the caller's unit")
    public List<PersonTitle> titles(@PathParam("personId") long personId) {
        return filings.titles(AuthFilter.caller(request), personId);
    }

    @GET
    @Path("persons/{personId}/photo")
    @Produces({"image/jpeg", "application/json"})
    @RequiresScope(Scopes.PERSONS_READ)
    @Operation(summary = "A person's ID photo")
    public Response photo(@PathParam("personId") long personId) {
        return PhotoResponses.jpeg(photos.get(AuthFilter.caller(request), personId));
    }

    @PUT
    @Path("persons/{personId}/photo")
    @Consumes({"image/jpeg", "image/png", "application/octet-stream"})
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(summary = "Replace a person's ID photo; the server applies the rotation and crop")
    public PhotoInfo putPhoto(@PathParam("personId") long personId, @QueryParam("x") Integer x,
                              @QueryParam("y") Integer y, @QueryParam("w") Integer w, @QueryParam("h") Integer h,
                              @QueryParam("rotate") Integer rotate, InputStream body) {
        return photos.put(AuthFilter.caller(request), personId, Params.body(body, maxUploadMb),
                PhotoResponses.edit(x, y, w, h, rotate));
    }

    @POST
    @Path("photo-imports")
    @Consumes({"application/zip", "application/octet-stream"})
    @RequiresScope(Scopes.PERSONS_WRITE)
    @Operation(summary = "Import ID photos in bulk: a ZIP of images named by ID number; a report line per file")
    public List<ImportedPhoto> importPhotos(InputStream zip) {
        return photos.importZip(AuthFilter.caller(request), zip);
    }
}
