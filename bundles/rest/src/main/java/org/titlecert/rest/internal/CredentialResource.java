package org.titlecert.rest.internal;

import java.nio.charset.StandardCharsets;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.titlecert.certificate.CertificateService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What anyone needs to verify a certificate's Verifiable Credential without asking the platform about it: the keys
 * that signed credentials, and the revocation status lists credentials point to.
 */
@Path("/credentials")
@Public
@Tag(name = "verification")
public class CredentialResource {

    private final CertificateService certificates;

    CredentialResource(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GET
    @Path("keys")
    @Produces("application/json")
    @Operation(operationId = "getCredentialKeys",
            summary = "凭证签名公钥 · The public keys that sign Verifiable Credentials, as a JSON Web Key Set",
            description = "Every key that ever signed (one per node's key), newest first; a credential's JWS header "
                    + "names its key (kid).",
            responses = @ApiResponse(responseCode = "200", description = "the key set",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    public Response keys() {
        return text(certificates.credentialKeys(), "application/json");
    }

    @GET
    @Path("status/{list}")
    @Produces({"application/vc+jwt", "application/json"})
    @Operation(operationId = "getCredentialStatusList",
            summary = "凭证撤销状态列表 · A revocation status list (W3C Bitstring Status List) as a signed credential",
            description = "What a credential's credentialStatus.statusListCredential names: the bit at its "
                    + "statusListIndex is 1 once the certificate is revoked. An unknown list: 404 STATUS_LIST_NOT_FOUND.",
            responses = @ApiResponse(responseCode = "200", description = "the status list credential, a compact JWS",
                    content = @Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string", format = "binary"))))
    public Response statusList(@Parameter(description = "列表编号 · the list's number") @PathParam("list") int list) {
        return text(certificates.credentialStatusList(list), "application/vc+jwt");
    }

    /** As it is: bytes, never re-encoded by a JSON provider. */
    private static Response text(String body, String type) {
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), type).build();
    }
}
