package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.Part;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.Caller;
import org.titlecert.api.ContentDisposition;
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.VerifierApplication;
import org.titlecert.identity.VerifierService;
import org.titlecert.verification.BatchReport;
import org.titlecert.verification.BatchVerification;
import org.titlecert.verification.VerificationService;

/**
 * 查验单位: the organisation's application form (public), and its own page once approved: who it is, the share
 * code form, 批量核验 (a list or a ZIP of PDFs, each check a 核验报告 to read and download), and the checks its account
 * made.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-verifier")
@HttpWhiteboardServletPattern({"/verifier", "/verifier/register", "/verifier/batches", "/verifier/batches/*",
        "/verifier/api-keys", "/verifier/api-keys/*"})
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = VerifierServlet.MAX_UPLOAD,
        maxRequestSize = VerifierServlet.MAX_UPLOAD + 1024 * 1024)
public class VerifierServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;
    static final long MAX_UPLOAD = 50L * 1024 * 1024;
    private static final List<String> FIELDS = List.of("name", "creditCode", "contactName", "contactMobile", "login");

    @Reference
    private transient VerifierService verifiers;

    @Reference
    private transient VerificationService verification;

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient BatchVerification batches;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/verifier/register")) {
            application(req, resp, 200, Map.of(), null);
            return;
        }
        Caller caller = Pages.caller(req);
        if (req.getServletPath().equals("/verifier/batches")) {
            batch(req, resp, caller);
            return;
        }
        home(req, resp, caller, 200, new HashMap<>());
    }

    /** {@code /verifier/batches/{id}}: the report; {@code .../xlsx} and {@code .../pdf}: its downloads. */
    private void batch(HttpServletRequest req, HttpServletResponse resp, Caller caller) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(\\d{1,18})(/xlsx|/pdf)?").matcher(path);
        if (!m.matches()) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        long id = Long.parseLong(m.group(1));
        try {
            BatchReport report = batches.report(caller, id);
            if ("/xlsx".equals(m.group(2)) || "/pdf".equals(m.group(2))) {
                boolean pdf = "/pdf".equals(m.group(2));
                byte[] data = pdf ? batches.pdf(caller, id) : batches.xlsx(caller, id);
                resp.setContentType(pdf ? "application/pdf"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                resp.setHeader("Content-Disposition", ContentDisposition.of((pdf ? "核验报告-" : "核验结果-")
                        + report.reportNumber() + (pdf ? ".pdf" : ".xlsx"), false));
                resp.setHeader("Cache-Control", "no-store");
                resp.setContentLength(data.length);
                resp.getOutputStream().write(data);
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("active", "verifier");
            model.put("report", report);
            renderer.render(req, resp, 200, "batch", model);
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }

    private void home(HttpServletRequest req, HttpServletResponse resp, Caller caller, int status,
                      Map<String, Object> model) throws IOException {
        Integer page = Pages.integer(Pages.param(req, "page"));
        model.put("active", "verifier");
        String notice = Notices.of(req);
        if (notice != null) {
            model.put("notice", notice);
        }
        model.put("verifier", verifiers.of(caller).orElseThrow(() -> TitleCertException.forbidden("VERIFIERS_ONLY",
                "仅限查验单位使用")));
        model.put("checks", verification.verifierChecks(caller,
                new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE)));
        model.put("reports", batches.reports(caller, new PageRequest(1, 10)));
        model.put("keys", verifiers.apiKeys(caller));
        renderer.render(req, resp, status, "verifier", model);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        if (req.getServletPath().equals("/verifier/batches") && req.getPathInfo() == null) {
            Caller caller = Pages.caller(req);
            try {
                Part part = FormUploads.part(req, "file", (int) (MAX_UPLOAD / (1024 * 1024)));
                byte[] content;
                try (java.io.InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                } finally {
                    part.delete();
                }
                resp.sendRedirect("/verifier/batches/" + batches.checkFile(caller, content).id());
            } catch (TitleCertException e) {
                if (e.kind() == TitleCertException.Kind.FORBIDDEN) {
                    renderer.failure(req, resp, e);
                } else {
                    Map<String, Object> model = new HashMap<>();
                    model.put("batchError", e.getMessage());
                    home(req, resp, caller, Pages.status(e), model);
                }
            }
            return;
        }
        if (req.getServletPath().equals("/verifier/api-keys")) {
            apiKeys(req, resp);
            return;
        }
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

    /** A new key for the verifier's HR system, shown on this answer only; {@code /{id}/revoke}. */
    private void apiKeys(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Caller caller = Pages.caller(req);
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Map<String, Object> model = new HashMap<>();
        try {
            if (path.equals("/")) {
                model.put("newKey", verifiers.createApiKey(caller, Pages.param(req, "label")));
                resp.setHeader("Cache-Control", "no-store");
                home(req, resp, caller, 200, model);
            } else if (path.matches("/\\d{1,18}/revoke")) {
                verifiers.revokeApiKey(caller, Long.parseLong(path.split("/")[1]));
                resp.sendRedirect("/verifier?notice=api-key-revoked#verifier-keys");
            } else {
                renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND || e.kind() == TitleCertException.Kind.FORBIDDEN) {
                renderer.failure(req, resp, e);
            } else {
                model.put("keyError", e.getMessage());
                home(req, resp, caller, Pages.status(e), model);
            }
        }
    }

    private void application(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, String> form,
                             TitleCertException e) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", e == null ? Map.of() : Pages.fieldErrors(e.violations()));
        model.put("error", e == null ? null : e.getMessage());
        Pages.putCaptcha(identity, req, model);
        renderer.render(req, resp, status, "verifier-register", model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
