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
import org.titlecert.certificate.CertificateService;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.PasswordResets;

/** 忘记密码: ask for a link by ID number or mobile (with the captcha), then set a new password with it. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-password-reset")
@HttpWhiteboardServletPattern({"/password/forgot", "/password/reset"})
public class PasswordResetServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final String SENT = "如果该账号存在并登记了电子邮箱，重置密码的链接已发送到该邮箱，30 分钟内有效。"
            + "未登记邮箱的，请联系所在单位的管理人员重置密码。";

    @Reference
    private transient PasswordResets resets;

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient CertificateService certificates;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/password/forgot")) {
            forgot(req, resp, 200, null, null);
        } else {
            String token = Pages.param(req, "token");
            reset(req, resp, resets.usable(token) ? 200 : 400, token,
                    resets.usable(token) ? null : "重置链接无效、已使用或已过期，请重新申请");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String address = req.getRemoteAddr();
        if (req.getServletPath().equals("/password/forgot")) {
            try {
                resets.request(Pages.param(req, "login"), req.getParameter("captchaId"), req.getParameter("captcha"),
                        certificates.publicBaseUrl(), address);
                forgot(req, resp, 200, null, SENT);
            } catch (TitleCertException e) {
                forgot(req, resp, Pages.status(e), e.getMessage(), null);
            }
            return;
        }
        String token = Pages.param(req, "token");
        String password = req.getParameter("newPassword");
        if (password == null || !password.equals(req.getParameter("confirm"))) {
            reset(req, resp, 400, token, "两次输入的新密码不一致");
            return;
        }
        try {
            resets.reset(token, password, address);
            resp.sendRedirect("/login?notice=password-reset");
        } catch (TitleCertException e) {
            reset(req, resp, Pages.status(e), token, e.getMessage());
        }
    }

    private void forgot(HttpServletRequest req, HttpServletResponse resp, int status, String error, String sent)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("login", Pages.param(req, "login") == null ? "" : Pages.param(req, "login"));
        if (error != null) {
            model.put("error", error);
        }
        if (sent != null) {
            model.put("sent", sent);
        }
        Pages.putCaptcha(identity, req, model);
        renderer.render(req, resp, status, "password-forgot", model);
    }

    private void reset(HttpServletRequest req, HttpServletResponse resp, int status, String token, String error)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token == null ? "" : token);
        model.put("usable", resets.usable(token));
        if (error != null) {
            model.put("error", error);
        }
        renderer.render(req, resp, status, "password-reset", model);
    }
}
