package org.titlecert.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI 3 document, generated from these resources' annotations at build time. Public. */
@Path("/openapi.json")
@Tag(name = "platform")
@Public
public class OpenApiResource {

    static final String DOCUMENT = "/openapi/openapi.json";

    @GET
    @Produces("application/json")
    @Operation(operationId = "getOpenApiDocument", summary = "接口说明 · This API described as OpenAPI 3",
            responses = @ApiResponse(responseCode = "200", description = "the OpenAPI document",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    public Response openapi() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            return Response.ok(in.readAllBytes(), "application/json;charset=UTF-8").build();
        }
    }
}
