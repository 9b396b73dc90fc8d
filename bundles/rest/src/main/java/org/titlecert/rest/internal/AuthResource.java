package org.titlecert.rest.internal;

import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.Captcha;
import org.titlecert.certificate.CertificateService;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.PasswordResets;
import org.titlecert.identity.Session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Captchas, logins and logout for browser clients; external systems use API keys instead. */
@Path("/")
@Produces("application/json")
@Tag(name = "auth")
public class AuthResource {

    /** A login request; {@code kind} is {@code admin} (captcha always) or {@code individual}. */
    public record Login(String kind, String login, String password, String captchaId, String captchaAnswer) {
    }

    /** A local individual account's sign-up. */
    /** 个人注册; privacyConsent: the person agrees to the 个人信息保护告知书 (GET /privacy), without which nothing is kept. */
    public record SignUp(String idNumber, String mobile, String password, Boolean privacyConsent, String captchaId,
                         String captchaAnswer) {
    }

    /** A captcha: its id, to send back with the answer, and its picture; testAnswer only on test platforms. */
    /** @param question the sum in words (variant ARITHMETIC), for screen readers; absent for the letters */
    public record CaptchaChallenge(String id, String image, String testAnswer, String question) {
    }

    /** Which captcha: letters, or a sum with its text alternative. */
    public enum CaptchaVariant { IMAGE, ARITHMETIC }

    /** A session just started: who logged in, and the CSRF token every state-changing call must send. */
    public record LoginResult(Role role, String displayName, boolean registrationComplete, String csrfToken,
                              boolean passwordChangeRequired) {
    }

    /** A request accepted for processing, with what to tell the person. */
    public record Accepted(String message) {
    }

    /** 忘记密码: the ID number or mobile of a local individual account, and the captcha. */
    public record PasswordResetRequest(String login, String captchaId, String captchaAnswer) {
    }

    /** A new password, with the token from the e-mailed link. */
    public record PasswordReset(String token, String newPassword) {
    }

    static final String RESET_SENT = "如果该账号存在并登记了电子邮箱，重置密码的链接已发送到该邮箱，30 分钟内有效。"
            + "未登记邮箱的，请联系所在单位的管理人员重置密码。";

    private final IdentityService identity;
    private final PasswordResets resets;
    private final CertificateService certificates;

    @Context
    private HttpServletRequest request;

    AuthResource(IdentityService identity, PasswordResets resets, CertificateService certificates) {
        this.identity = identity;
        this.resets = resets;
        this.certificates = certificates;
    }

    @POST
    @Path("auth/password-reset-requests")
    @Public
    @Consumes("application/json")
    @Operation(operationId = "requestPasswordReset", summary = "忘记密码 · E-mail a single-use link to reset a local individual account's password",
            description = "202 whether or not the account exists or has an e-mail address, so that the answer tells "
                    + "nobody who has an account. The link is valid for 30 minutes; at most one every 5 minutes.",
            responses = @ApiResponse(responseCode = "202", description = "accepted",
                    content = @Content(schema = @Schema(implementation = Accepted.class))))
    public Response requestPasswordReset(PasswordResetRequest body) {
        PasswordResetRequest b = body == null ? new PasswordResetRequest(null, null, null) : body;
        resets.request(b.login(), b.captchaId(), b.captchaAnswer(), certificates.publicBaseUrl(),
                OriginFilter.address(request));
        return Response.accepted(new Accepted(RESET_SENT)).build();
    }

    @POST
    @Path("auth/password-resets")
    @Public
    @Consumes("application/json")
    @Operation(operationId = "resetPassword", summary = "重置密码 · Set a new password with the e-mailed link's token",
            description = "The token is used up and the account's sessions end.",
            responses = @ApiResponse(responseCode = "204", description = "the new password is set"))
    public Response resetPassword(PasswordReset body) {
        resets.reset(body == null ? null : body.token(), body == null ? null : body.newPassword(),
                OriginFilter.address(request));
        return Response.noContent().build();
    }

    @GET
    @Path("captcha")
    @Public
    @Operation(operationId = "getCaptcha", summary = "图形验证码 · A new image captcha (PNG as a data URL), valid once for a few minutes",
            responses = @ApiResponse(responseCode = "200", description = "the captcha",
                    content = @Content(schema = @Schema(implementation = CaptchaChallenge.class))))
    public Response captcha(@Parameter(description = "IMAGE（默认，字母）或 ARITHMETIC（算术题，另有文字，可供读屏软件朗读）"
            + " · IMAGE (default, letters) or ARITHMETIC (a sum, also asked in words for screen readers)")
                            @QueryParam("variant") CaptchaVariant variant) {
        Captcha c = identity.newCaptcha(OriginFilter.address(request), variant == CaptchaVariant.ARITHMETIC);
        return Response.ok(new CaptchaChallenge(c.id(), "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(c.png()), c.testAnswer(), c.question()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("auth/login")
    @Public
    @Consumes("application/json")
    @Operation(operationId = "login", summary = "登录 · Log in; sets the session cookie and returns the session's CSRF token",
            description = "kind is admin (account + password + captcha), verifier (a 查验单位's account + password + "
                    + "captcha) or individual (ID number or mobile + password; "
                    + "the captcha is needed after failed attempts).",
            responses = @ApiResponse(responseCode = "200", description = "logged in",
                    headers = @Header(name = "Set-Cookie", description = "the session cookie", schema = @Schema(type = "string")),
                    content = @Content(schema = @Schema(implementation = LoginResult.class))))
    public Response login(Login body) {
        if (body == null) {
            throw TitleCertException.invalid("LOGIN_INVALID", "请填写账号和密码");
        }
        String address = OriginFilter.address(request);
        Session s = "admin".equals(body.kind())
                ? identity.loginAdmin(body.login(), body.password(), body.captchaId(), body.captchaAnswer(), address)
                : "verifier".equals(body.kind())
                ? identity.loginVerifier(body.login(), body.password(), body.captchaId(), body.captchaAnswer(), address)
                : identity.loginIndividual(body.login(), body.password(), body.captchaId(), body.captchaAnswer(),
                address);
        return started(s);
    }

    @POST
    @Path("auth/register")
    @Public
    @Consumes("application/json")
    @Operation(operationId = "registerIndividual", summary = "个人注册 · Create a local individual account",
            description = "Then log in and complete the registration form. 202 whether or not the ID number is already "
                    + "registered, so that the answer tells nobody who has an account.",
            responses = @ApiResponse(responseCode = "202", description = "accepted",
                    content = @Content(schema = @Schema(implementation = Accepted.class))))
    public Response register(SignUp body) {
        if (body == null) {
            throw TitleCertException.invalid("REGISTRATION_INVALID", "请填写注册信息");
        }
        identity.registerIndividual(body.idNumber(), body.mobile(), body.password(),
                Boolean.TRUE.equals(body.privacyConsent()), body.captchaId(), body.captchaAnswer(),
                OriginFilter.address(request));
        return Response.accepted(new Accepted(REGISTERED)).build();
    }

    @POST
    @Path("auth/logout")
    @ForVerifiers
    @DuringRegistration
    @BeforePasswordChange
    @BeforeConsent
    @Operation(operationId = "logout", summary = "退出登录 · End this session on the server",
            responses = @ApiResponse(responseCode = "204", description = "logged out"))
    public Response logout() {
        Session s = AuthFilter.session(request);
        if (s != null) {
            identity.logout(s.token(), OriginFilter.address(request));
        }
        return Response.noContent().header("Set-Cookie", Session.clearCookie(OriginFilter.secure(request))).build();
    }

    /** The one answer to every well-formed sign-up, whether or not the ID number already had an account. */
    static final String REGISTERED = "注册申请已受理，请使用身份证号码和密码登录。如该身份证号码此前已注册，请使用原密码或统一身份认证登录。";

    private Response started(Session s) {
        LoginResult body = new LoginResult(s.caller().role(), s.displayName(), s.registrationComplete(), s.csrfToken(),
                s.passwordChangeRequired());
        return Response.ok(body).header("Set-Cookie", s.cookie(OriginFilter.secure(request)))
                .header("Cache-Control", "no-store").build();
    }
}
