package org.titlecert.rest.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.titlecert.api.TitleCertException;
import org.titlecert.identity.Captcha;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Session;

import io.swagger.v3.oas.annotations.Operation;
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
    public record SignUp(String idNumber, String mobile, String password, String captchaId, String captchaAnswer) {
    }

    private final IdentityService identity;

    @Context
    private HttpServletRequest request;

    AuthResource(IdentityService identity) {
        this.identity = identity;
    }

    @GET
    @Path("captcha")
    @Public
    @Operation(summary = "A new image captcha (PNG as a data URL), valid once for a few minutes")
    public Response captcha() {
        Captcha c = identity.newCaptcha(OriginFilter.address(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()));
        if (c.testAnswer() != null) {
            body.put("testAnswer", c.testAnswer());
        }
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("auth/login")
    @Public
    @Consumes("application/json")
    @Operation(summary = "Log in; sets the session cookie and returns the session's CSRF token")
    public Response login(Login body) {
        if (body == null) {
            throw TitleCertException.invalid("LOGIN_INVALID", "请填写账号和密码");
        }
        String address = OriginFilter.address(request);
        Session s = "admin".equals(body.kind())
                ? identity.loginAdmin(body.login(), body.password(), body.captchaId(), body.captchaAnswer(), address)
                : identity.loginIndividual(body.login(), body.password(), body.captchaId(), body.captchaAnswer(),
                address);
        return started(s);
    }

    @POST
    @Path("auth/register")
    @Public
    @Consumes("application/json")
    @Operation(summary = "Create a local individual account; then log in and complete the registration form. "
            + "202 whether or not the ID number is already registered")
    public Response register(SignUp body) {
        if (body == null) {
            throw TitleCertException.invalid("REGISTRATION_INVALID", "请填写注册信息");
        }
        identity.registerIndividual(body.idNumber(), body.mobile(), body.password(), body.captchaId(),
                body.captchaAnswer(), OriginFilter.address(request));
        return Response.accepted(Map.of("message", REGISTERED)).build();
    }

    @POST
    @Path("auth/logout")
    @DuringRegistration
    @Operation(summary = "End this session on the server")
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", s.caller().role());
        body.put("displayName", s.displayName());
        body.put("registrationComplete", s.registrationComplete());
        body.put("csrfToken", s.csrfToken());
        return Response.ok(body).header("Set-Cookie", s.cookie(OriginFilter.secure(request)))
                .header("Cache-Control", "no-store").build();
    }
}
