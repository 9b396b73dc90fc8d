package org.titlecert.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.ContentDisposition;
import org.titlecert.verification.PersonalData;
import org.titlecert.verification.PrivacyCentre;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 导出我的数据: everything the platform holds about the calling individual, as JSON or a readable PDF. */
@Path("/me/data")
@Tag(name = "individuals")
public class PersonalDataResource {

    private final PrivacyCentre privacy;

    @Context
    private HttpServletRequest request;

    PersonalDataResource(PrivacyCentre privacy) {
        this.privacy = privacy;
    }

    @GET
    @Produces("application/json")
    @Operation(operationId = "exportMyData",
            summary = "导出我的数据 · Everything the platform holds about me: profile, titles, certificates, photo, messages, checks, share codes",
            responses = @ApiResponse(responseCode = "200", description = "my data",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonalData.class))))
    public Response json() {
        PersonalData data = privacy.export(AuthFilter.caller(request));
        return Response.ok(data).header("Content-Disposition", ContentDisposition.of("我的数据.json", false))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("pdf")
    @Produces({"application/pdf", "application/json"})
    @Operation(operationId = "exportMyDataPdf", summary = "导出我的数据（PDF） · The same, readable, with my ID photo",
            responses = @ApiResponse(responseCode = "200", description = "the PDF",
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    public Response pdf() {
        return Downloads.file(privacy.exportPdf(AuthFilter.caller(request)), "application/pdf", "我的数据.pdf", false,
                null);
    }
}
