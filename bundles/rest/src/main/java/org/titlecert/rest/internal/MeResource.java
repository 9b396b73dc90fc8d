package org.titlecert.rest.internal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.identity.Profile;
import org.titlecert.identity.RegistrationService;
import org.titlecert.identity.Session;
import org.titlecert.photo.Photo;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own records: who they are, the registration form, their titles and their ID photo. */
@Path("/me")
@Produces("application/json")
@Tag(name = "individuals")
public class MeResource {

    private final RegistrationService registration;
    private final FilingService filings;
    private final CertificateService certificates;
    private final PhotoService photos;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    MeResource(RegistrationService registration, FilingService filings, CertificateService certificates,
               PhotoService photos, int maxUploadMb) {
        this.registration = registration;
        this.filings = filings;
        this.certificates = certificates;
        this.photos = photos;
        this.maxUploadMb = maxUploadMb;
    }

    private Caller caller() {
        return AuthFilter.caller(request);
    }

    @GET
    @DuringRegistration
    @Operation(summary = "Who the caller is; with a session, also its CSRF token")
    public Map<String, Object> me() {
        Caller c = caller();
        Session s = AuthFilter.session(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("principal", c.principal());
        body.put("role", c.role());
        body.put("unitId", c.unitId());
        body.put("personId", c.personId());
        body.put("scopes", c.scopes());
        registration.rejection(c).ifPresent(reason -> body.put("registrationRejected", reason));
        if (s != null) {
            body.put("displayName", s.displayName());
            body.put("registrationComplete", s.registrationComplete());
            body.put("csrfToken", s.csrfToken());
        }
        return body;
    }

    @GET
    @Path("profile")
    @DuringRegistration
    @Operation(summary = "The registration form (个人注册), pre-filled from the SSO where possible")
    public Profile profile() {
        return registration.profile(caller());
    }

    @PUT
    @Path("profile")
    @DuringRegistration
    @Consumes("application/json")
    @Operation(summary = "Complete or change the registration form")
    public Profile saveProfile(Profile form) {
        return registration.save(caller(), form);
    }

    @GET
    @Path("titles")
    @Operation(summary = "My titles (我的职称): the titles of approved filings I hold")
    public List<PersonTitle> titles() {
        Long person = individual().personId();
        return person == null ? List.of() : filings.titles(caller(), person);
    }

    @GET
    @Path("titles/{rosterEntryId}")
    @Operation(summary = "One of my titles, with my basic information (查看)")
    public PersonTitle title(@PathParam("rosterEntryId") long rosterEntryId) {
        return filings.title(individual(), rosterEntryId);
    }

    @GET
    @Path("photo")
    @Produces({"image/jpeg", "application/json"})
    @Operation(summary = "My ID photo, as stored for the certificate")
    public Response photo() {
        return PhotoResponses.jpeg(photos.get(caller(), person()));
    }

    @PUT
    @Path("photo")
    @Consumes({"image/jpeg", "image/png", "application/octet-stream"})
    @Operation(summary = "Upload my ID photo; the server applies the rotation and crop (Cropper.js data)")
    public PhotoInfo putPhoto(@Parameter(description = "crop left, in pixels of the rotated image") @QueryParam("x") Integer x,
                              @QueryParam("y") Integer y, @QueryParam("w") Integer w, @QueryParam("h") Integer h,
                              @Parameter(description = "clockwise, a multiple of 90") @QueryParam("rotate") Integer rotate,
                              InputStream body) {
        return photos.put(caller(), person(), Params.body(body, maxUploadMb), PhotoResponses.edit(x, y, w, h, rotate));
    }

    /** The caller, who must be an individual: these are a person's own records, not an admin's view of them. */
    private Caller individual() {
        Caller c = caller();
        if (c.role() != Role.INDIVIDUAL) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅个人用户可以使用");
        }
        return c;
    }

    private long person() {
        Long person = individual().personId();
        if (person == null) {
            throw TitleCertException.forbidden("PERSON_NOT_CONFIRMED",
                    "您的身份证号码尚待单位审核确认，确认后才能上传照片");
        }
        return person;
    }

    @GET
    @Path("certificates")
    @Operation(summary = "The caller's own certificates, with their status and verification URL")
    public List<Certificate> certificates() {
        return certificates.mine(caller());
    }
}
