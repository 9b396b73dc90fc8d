package org.titlecert.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

import org.titlecert.identity.Profile;
import org.titlecert.identity.RegistrationService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The individual's own registration form (个人注册). */
@Path("/me/profile")
@Produces("application/json")
@Tag(name = "individuals")
@DuringRegistration
public class ProfileResource {

    private final RegistrationService registration;

    @Context
    private HttpServletRequest request;

    ProfileResource(RegistrationService registration) {
        this.registration = registration;
    }

    @GET
    @Operation(summary = "The registration form, pre-filled from the SSO where possible")
    public Profile get() {
        return registration.profile(AuthFilter.caller(request));
    }

    @PUT
    @Consumes("application/json")
    @Operation(summary = "Complete or change the registration form")
    public Profile put(Profile form) {
        return registration.save(AuthFilter.caller(request), form);
    }
}
