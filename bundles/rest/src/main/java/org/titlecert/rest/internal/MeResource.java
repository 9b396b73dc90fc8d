package org.titlecert.rest.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

import org.apache.cxf.jaxrs.ext.multipart.Multipart;
import javax.ws.rs.core.Response;

import org.titlecert.api.Caller;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Page;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.notice.Notice;
import org.titlecert.notice.NoticeService;
import org.titlecert.verification.CheckRecord;
import org.titlecert.verification.NewShareCode;
import org.titlecert.verification.ShareCode;
import org.titlecert.verification.VerificationService;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Profile;
import org.titlecert.identity.RegistrationService;
import org.titlecert.identity.Session;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own records: who they are, the registration form, their titles and their ID photo. */
@Path("/me")
@Produces("application/json")
@Tag(name = "individuals")
public class MeResource {

    /**
     * Who the caller is. A session adds its display name, whether the registration form is complete, and its CSRF
     * token; registrationRejected is the reason a unit gave for refusing the registration, until it is corrected.
     */
    public record Me(String principal, Role role, Long unitId, Long personId, Set<String> scopes,
                     String registrationRejected, String displayName, Boolean registrationComplete, String csrfToken,
                     Boolean passwordChangeRequired, Boolean privacyConsentRequired) {
    }

    /** 修改密码: the current password and the new one. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final IdentityService identity;
    private final RegistrationService registration;
    private final FilingService filings;
    private final CertificateService certificates;
    private final PhotoService photos;
    private final NoticeService notices;
    private final VerificationService verification;
    private final int maxUploadMb;

    @Context
    private HttpServletRequest request;

    MeResource(IdentityService identity, RegistrationService registration, FilingService filings,
               CertificateService certificates, PhotoService photos, NoticeService notices,
               VerificationService verification, int maxUploadMb) {
        this.notices = notices;
        this.verification = verification;
        this.identity = identity;
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
    @BeforePasswordChange
    @BeforeConsent
    @ForVerifiers
    @Operation(operationId = "getMe", summary = "当前用户 · Who the caller is; with a session, also its CSRF token")
    public Me me() {
        Caller c = caller();
        Session s = AuthFilter.session(request);
        return new Me(c.principal(), c.role(), c.unitId(), c.personId(), c.scopes(),
                registration.rejection(c).orElse(null), s == null ? null : s.displayName(),
                s == null ? null : s.registrationComplete(), s == null ? null : s.csrfToken(),
                s == null ? null : s.passwordChangeRequired(), s == null ? null : s.privacyConsentRequired());
    }

    @POST
    @Path("privacy-consent")
    @DuringRegistration
    @BeforePasswordChange
    @BeforeConsent
    @Operation(operationId = "createMyPrivacyConsent",
            summary = "同意个人信息保护告知书 · Agree to the privacy notice in force (GET /privacy); needed before anything else",
            responses = @ApiResponse(responseCode = "204", description = "recorded"))
    public Response consent() {
        registration.consentToPrivacyNotice(individual());
        return Response.noContent().build();
    }

    @POST
    @Path("password")
    @DuringRegistration
    @BeforePasswordChange
    @ForVerifiers
    @Consumes("application/json")
    @Operation(operationId = "updateMyPassword",
            summary = "修改密码 · Change the signed-in account's password; its other sessions end",
            description = "Sessions only (an API key has no password). Wrong current passwords count towards the "
                    + "login throttle.",
            responses = @ApiResponse(responseCode = "204", description = "changed"))
    public Response changePassword(PasswordChange body) {
        Session s = AuthFilter.session(request);
        if (s == null) {
            throw TitleCertException.forbidden("SESSION_REQUIRED", "API 密钥不能修改密码，请登录后修改");
        }
        identity.changePassword(s.token(), body == null ? null : body.currentPassword(),
                body == null ? null : body.newPassword(), OriginFilter.address(request));
        return Response.noContent().build();
    }

    @GET
    @Path("profile")
    @DuringRegistration
    @Operation(operationId = "getMyProfile", summary = "个人注册信息 · The registration form, pre-filled from the SSO where possible")
    public Profile profile() {
        return registration.profile(caller());
    }

    @PUT
    @Path("profile")
    @DuringRegistration
    @Consumes("application/json")
    @Operation(operationId = "saveMyProfile", summary = "完善个人注册信息 · Complete or change the registration form")
    public Profile saveProfile(Profile form) {
        return registration.save(caller(), form);
    }

    /** How many of my messages are unread, or how many were just marked read. */
    public record NoticeCount(long count) {
    }

    @GET
    @Path("notices")
    @Operation(operationId = "listMyNotices", summary = "我的消息 · My messages, newest first")
    public Page<Notice> notices(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return notices.mine(individual(), PageRequest.of(page, size));
    }

    @GET
    @Path("notices/unread")
    @Operation(operationId = "countMyUnreadNotices", summary = "未读消息数 · How many of my messages are unread")
    public NoticeCount unread() {
        return new NoticeCount(notices.unread(individual()));
    }

    @POST
    @Path("notices/{id}/read")
    @Operation(operationId = "markMyNoticeRead", summary = "标为已读 · Mark one of my messages read")
    public Notice read(@PathParam("id") long id) {
        return notices.markRead(individual(), id);
    }

    @POST
    @Path("notices/read-all")
    @Operation(operationId = "markMyNoticesRead", summary = "全部标为已读 · Mark all my messages read; how many were unread")
    public NoticeCount readAll() {
        return new NoticeCount(notices.markAllRead(individual()));
    }

    /** 生成授权码: how many days the code is valid (1–30). */
    public record ShareCodeRequest(Integer days, String verifierCreditCode) {
    }

    @GET
    @Path("checks")
    @Operation(operationId = "listMyChecks",
            summary = "查验记录 · Every check of my certificates, newest first: when, and by which channel")
    public Page<CheckRecord> checks(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return verification.checks(individual(), PageRequest.of(page, size));
    }

    @GET
    @Path("share-codes")
    @Operation(operationId = "listMyShareCodes", summary = "我的授权码 · My share codes, newest first; the codes themselves are not shown again")
    public List<ShareCode> shareCodes() {
        return verification.shareCodes(individual());
    }

    @POST
    @Path("share-codes")
    @Consumes("application/json")
    @Operation(operationId = "createMyShareCode",
            summary = "生成授权码 · A share code that lets a verifier see my full record for 1–30 days; shown this once",
            description = "With verifierCreditCode (统一社会信用代码 of an approved 查验单位) only that verifier's account "
                    + "can use it.",
            responses = @ApiResponse(responseCode = "201", description = "The code and its record",
                    content = @Content(schema = @Schema(implementation = NewShareCode.class))))
    public Response createShareCode(ShareCodeRequest body) {
        Integer days = body == null ? null : body.days();
        NewShareCode made = verification.createShareCode(individual(), days == null ? 0 : days,
                body == null ? null : body.verifierCreditCode());
        return Response.status(201).entity(made).build();
    }

    @POST
    @Path("share-codes/{id}/withdraw")
    @Operation(operationId = "withdrawMyShareCode", summary = "撤回授权码 · Withdraw one of my share codes at once")
    public ShareCode withdrawShareCode(@PathParam("id") long id) {
        return verification.withdrawShareCode(individual(), id);
    }

    @GET
    @Path("titles")
    @Operation(operationId = "listMyTitles", summary = "我的职称 · The titles of approved filings I hold")
    public List<PersonTitle> titles() {
        Long person = individual().personId();
        return person == null ? List.of() : filings.titles(caller(), person);
    }

    @GET
    @Path("titles/{rosterEntryId}")
    @Operation(operationId = "getMyTitle", summary = "查看我的职称 · One of my titles, with my basic information")
    public PersonTitle title(@PathParam("rosterEntryId") long rosterEntryId) {
        return filings.title(individual(), rosterEntryId);
    }

    @GET
    @Path("photo")
    @Produces({"image/jpeg", "application/json"})
    @Operation(operationId = "downloadMyPhoto", summary = "我的证件照 · My ID photo, as stored for the certificate",
            responses = @ApiResponse(responseCode = "200", description = "the JPEG",
                    content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))))
    public Response photo() {
        return PhotoResponses.jpeg(photos.get(caller(), person()));
    }

    @PUT
    @Path("photo")
    @Consumes({"multipart/form-data", "image/jpeg", "image/png", "application/octet-stream"})
    @Operation(operationId = "uploadMyPhoto",
            summary = "上传证件照 · Upload my ID photo; the server applies the rotation and crop (Cropper.js data)",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
    public PhotoInfo putPhoto(@BeanParam PhotoResponses.Crop crop,
                              @Parameter(hidden = true) @Multipart(value = "file", required = false) InputStream body) {
        return photos.put(caller(), person(), Params.body(body, maxUploadMb), crop.edit());
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
    @Operation(operationId = "listMyCertificates",
            summary = "我的证书 · The caller's own certificates, with their status and verification URL")
    public List<Certificate> certificates() {
        return certificates.mine(caller());
    }
}
