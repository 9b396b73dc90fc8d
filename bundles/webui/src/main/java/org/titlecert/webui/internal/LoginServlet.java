package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Session;
import org.titlecert.identity.SsoStart;

/**
 * Signing in and out: 个人登录 (local account or the government SSO), local sign-up,
 * 管理人员登录 and 查验单位登录, each with account, password and captcha.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-login")
@HttpWhiteboardServletPattern({"/login", "/login/sso", "/login/sso/callback", "/register", "/logout", "/admin/login",
        "/verifier/login"})
public class LoginServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final String SSO_COOKIE = "TCSSO";

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            switch (req.getServletPath()) {
                case "/login" -> individualLogin(req, resp, 200, null, Pages.param(req, "login"));
                case "/register" -> signUp(req, resp, 200, Map.of(), null);
                case "/admin/login" -> adminLogin(req, resp, 200, null, null, false);
                case "/verifier/login" -> adminLogin(req, resp, 200, null, null, true);
                case "/login/sso" -> {
                    SsoStart start = identity.beginSso(req.getRemoteAddr());
                    resp.addHeader("Set-Cookie", SSO_COOKIE + "=" + start.binding()
                            + "; Path=/login/sso; HttpOnly; SameSite=Lax; Max-Age=600" + (req.isSecure() ? "; Secure" : ""));
                    resp.sendRedirect(start.authorizationUrl());
                }
                case "/login/sso/callback" -> ssoCallback(req, resp);
                default -> renderer.error(req, resp, 405, "请使用页面上的按钮操作");
            }
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }

    private void ssoCallback(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.addHeader("Set-Cookie", SSO_COOKIE + "=; Path=/login/sso; HttpOnly; SameSite=Lax; Max-Age=0");
        if (req.getParameter("error") != null) {
            renderer.error(req, resp, 401, "统一身份认证未完成登录，请重试");
            return;
        }
        String binding = WebAuthFilter.cookie(req, SSO_COOKIE).orElse(null);
        Session s = identity.completeSso(req.getParameter("state"), req.getParameter("code"), binding,
                req.getRemoteAddr());
        start(req, resp, s, "/me");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String address = req.getRemoteAddr();
        switch (req.getServletPath()) {
            case "/login" -> {
                String login = Pages.param(req, "login");
                try {
                    start(req, resp, identity.loginIndividual(login, req.getParameter("password"),
                            req.getParameter("captchaId"), req.getParameter("captcha"), address), "/me");
                } catch (TitleCertException e) {
                    individualLogin(req, resp, Pages.status(e), e.getMessage(), login);
                }
            }
            case "/admin/login" -> {
                String login = Pages.param(req, "account");
                try {
                    start(req, resp, identity.loginAdmin(login, req.getParameter("password"),
                            req.getParameter("captchaId"), req.getParameter("captcha"), address), "/admin/filings");
                } catch (TitleCertException e) {
                    adminLogin(req, resp, Pages.status(e), e.getMessage(), login, false);
                }
            }
            case "/verifier/login" -> {
                String login = Pages.param(req, "account");
                try {
                    start(req, resp, identity.loginVerifier(login, req.getParameter("password"),
                            req.getParameter("captchaId"), req.getParameter("captcha"), address), "/verifier");
                } catch (TitleCertException e) {
                    adminLogin(req, resp, Pages.status(e), e.getMessage(), login, true);
                }
            }
            case "/register" -> {
                Map<String, String> form = Map.of("idNumber", nz(Pages.param(req, "idNumber")),
                        "mobile", nz(Pages.param(req, "mobile")));
                try {
                    String password = req.getParameter("password");
                    if (password == null || !password.equals(req.getParameter("password2"))) {
                        throw TitleCertException.invalid("PASSWORD_MISMATCH", "两次输入的密码不一致",
                                java.util.List.of(org.titlecert.api.Violation.field("password2", "两次输入的密码不一致")));
                    }
                    identity.registerIndividual(form.get("idNumber"), form.get("mobile"), password,
                            "on".equals(req.getParameter("privacyConsent")), req.getParameter("captchaId"),
                            req.getParameter("captcha"), address);
                    resp.sendRedirect("/login?notice=signedup");
                } catch (TitleCertException e) {
                    signUp(req, resp, Pages.status(e), form, e);
                }
            }
            case "/logout" -> {
                WebAuthFilter.sessionToken(req).ifPresent(t -> identity.logout(t, address));
                resp.addHeader("Set-Cookie", Session.clearCookie(req.isSecure()));
                resp.sendRedirect("/");
            }
            default -> renderer.error(req, resp, 404, "页面不存在");
        }
    }

    /** Sets the new session's cookie and goes on: to the registration form until it is complete. */
    private static void start(HttpServletRequest req, HttpServletResponse resp, Session s, String home)
            throws IOException {
        resp.addHeader("Set-Cookie", s.cookie(req.isSecure()));
        String next = Pages.localPath(req.getParameter("next"), home);
        resp.sendRedirect(s.registrationComplete() ? next : "/register/profile");
    }

    private void individualLogin(HttpServletRequest req, HttpServletResponse resp, int status, String error,
                                 String login) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("login", login);
        model.put("next", Pages.localPath(req.getParameter("next"), ""));
        model.put("ssoEnabled", identity.ssoEnabled());
        model.put("notice", Notices.of(req));
        if (identity.captchaRequired(login, req.getRemoteAddr())) {
            Pages.putCaptcha(identity, req, model);
        }
        renderer.render(req, resp, status, "login", model);
    }

    private void adminLogin(HttpServletRequest req, HttpServletResponse resp, int status, String error, String login,
                            boolean verifier) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("verifier", verifier);
        if ("applied".equals(req.getParameter("notice"))) {
            model.put("applied", true);
        }
        model.put("error", error);
        model.put("account", login);
        model.put("next", Pages.localPath(req.getParameter("next"), ""));
        Pages.putCaptcha(identity, req, model);
        renderer.render(req, resp, status, "admin-login", model);
    }

    private void signUp(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, String> form,
                        TitleCertException e) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", e == null ? Map.of() : Pages.fieldErrors(e.violations()));
        model.put("error", e == null ? null : e.getMessage());
        Pages.putCaptcha(identity, req, model);
        renderer.render(req, resp, status, "register", model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
