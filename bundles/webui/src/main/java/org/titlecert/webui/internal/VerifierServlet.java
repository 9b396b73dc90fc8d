package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.Caller;
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.VerifierApplication;
import org.titlecert.identity.VerifierService;
import org.titlecert.verification.VerificationService;

/**
 * 查验单位: the organisation's application form (public), and its own page once approved: who it is, the share
 * code form and the checks its account made.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-verifier")
@HttpWhiteboardServletPattern({"/verifier", "/verifier/register"})
public class VerifierServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;
    private static final List<String> FIELDS = List.of("name", "creditCode", "contactName", "contactMobile", "login");

    @Reference
    private transient VerifierService verifiers;

    @Reference
    private transient VerificationService verification;

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/verifier/register")) {
            application(req, resp, 200, Map.of(), null);
            return;
        }
        Caller caller = Pages.caller(req);
        Integer page = Pages.integer(Pages.param(req, "page"));
        Map<String, Object> model = new HashMap<>();
        model.put("active", "verifier");
        model.put("verifier", verifiers.of(caller).orElseThrow(() -> TitleCertException.forbidden("VERIFIERS_ONLY",
                "仅限查验单位使用")));
        model.put("checks", verification.verifierChecks(caller,
                new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE)));
        renderer.render(req, resp, 200, "verifier", model);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().equals("/verifier/register")) {
            renderer.error(req, resp, 405, "请使用页面上的按钮操作");
            return;
        }
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(f -> form.put(f, nz(Pages.param(req, f))));
        try {
            String password = req.getParameter("password");
            if (password == null || !password.equals(req.getParameter("password2"))) {
                throw TitleCertException.invalid("PASSWORD_MISMATCH", "两次输入的密码不一致",
                        List.of(Violation.field("password2", "两次输入的密码不一致")));
            }
            verifiers.apply(new VerifierApplication(form.get("name"), form.get("creditCode"), form.get("contactName"),
                    form.get("contactMobile"), form.get("login"), password, req.getParameter("captchaId"),
                    req.getParameter("captcha")), req.getRemoteAddr());
            resp.sendRedirect("/verifier/login?notice=applied");
        } catch (TitleCertException e) {
            application(req, resp, Pages.status(e), form, e);
        }
    }

    private void application(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, String> form,
                             TitleCertException e) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", e == null ? Map.of() : Pages.fieldErrors(e.violations()));
        model.put("error", e == null ? null : e.getMessage());
        Pages.putCaptcha(identity.newCaptcha(req.getRemoteAddr()), model);
        renderer.render(req, resp, status, "verifier-register", model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
