package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.PdfCheck;
import org.titlecert.identity.IdentityService;
import org.titlecert.verification.BatchReport;
import org.titlecert.verification.BatchVerification;
import org.titlecert.verification.VerificationService;

/**
 * Public verification. {@code /v}: 证书查验 by number and name (with a captcha) and 授权码查验; {@code /v/{token}}:
 * the page a certificate's QR code opens, whether it is valid, with the holder's data masked, and a form that
 * checks whether a PDF file is the genuine current version.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-verify")
@HttpWhiteboardServletPattern({"/v/*", "/r/*"})
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 21L * 1024 * 1024, maxRequestSize = 22L * 1024 * 1024)
public class VerifyServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,64})(/check)?");

    @Reference
    private transient VerificationService verification;

    @Reference
    private transient CertificateService certificates;

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient Renderer renderer;

    @Reference
    private transient BatchVerification batches;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (req.getServletPath().equals("/r")) {
            // 核验报告查验: a batch check's report, by the token in its QR code
            Optional<BatchReport> report = batches.publicReport(path.substring(1));
            if (report.isEmpty()) {
                renderer.error(req, resp, 404, "未找到该核验报告");
                return;
            }
            noStore(resp);
            renderer.render(req, resp, 200, "report", new HashMap<>(Map.of("report", report.get())));
            return;
        }
        if (path.equals("/")) {
            lookupPage(req, resp, 200, new HashMap<>());
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches() || m.group(2) != null) {
            renderer.error(req, resp, 404, "未找到该证书");
            return;
        }
        try {
            page(req, resp, m.group(1), null, null);
        } catch (TitleCertException e) {
            failure(req, resp, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        if (req.getServletPath().equals("/r")) {
            renderer.error(req, resp, 405, "请使用页面上的按钮操作");
            return;
        }
        req.setCharacterEncoding("UTF-8");
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (path.equals("/lookup") || path.equals("/share")) {
            publicCheck(req, resp, path.equals("/lookup"));
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches() || m.group(2) == null) {
            renderer.error(req, resp, 404, "未找到该证书");
            return;
        }
        String token = m.group(1);
        try {
            Part part;
            try {
                part = req.getPart("file");
            } catch (IllegalStateException e) {
                throw TitleCertException.tooLarge("PDF_TOO_LARGE", "文件超过 20 MB");
            }
            if (part == null || part.getSize() == 0) {
                throw TitleCertException.invalid("PDF_EMPTY", "请选择要核验的证书文件");
            }
            PdfCheck check;
            try (InputStream in = part.getInputStream()) {
                check = verification.checkFile(token, in, req.getRemoteAddr());
            }
            page(req, resp, token, check, null);
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.INVALID || e.kind() == TitleCertException.Kind.TOO_LARGE) {
                try {
                    page(req, resp, token, null, e.getMessage());
                } catch (TitleCertException again) {
                    failure(req, resp, again);
                }
            } else {
                failure(req, resp, e);
            }
        }
    }

    /** 证书查验 or 授权码查验: the answer, or the form again with what was entered and why it found nothing. */
    private void publicCheck(HttpServletRequest req, HttpServletResponse resp, boolean lookup) throws IOException {
        Map<String, Object> model = new HashMap<>();
        String number = Pages.param(req, "certificateNumber");
        String name = Pages.param(req, "name");
        model.put("number", number == null ? "" : number);
        model.put("name", name == null ? "" : name);
        try {
            noStore(resp);
            if (lookup) {
                model.put("v", verification.lookup(Pages.caller(req), number, name, req.getParameter("captchaId"),
                        req.getParameter("captcha"), req.getRemoteAddr()));
                model.put("via", "lookup");
                renderer.render(req, resp, 200, "verify", model);
            } else {
                model.put("r", verification.useShareCode(Pages.caller(req), Pages.param(req, "code"),
                        req.getRemoteAddr()));
                renderer.render(req, resp, 200, "shared", model);
            }
        } catch (TitleCertException e) {
            if (e.retryAfterSeconds() > 0) {
                resp.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
            }
            model.put(lookup ? "lookupError" : "shareError", e.getMessage());
            lookupPage(req, resp, Pages.status(e), model);
        }
    }

    private void lookupPage(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, Object> model)
            throws IOException {
        try {
            Pages.putCaptcha(identity, req, model);
        } catch (TitleCertException e) {
            // too many captchas from this address: the lookup waits, the share-code form still works
            model.put("captchaProblem", e.getMessage());
        }
        model.putIfAbsent("number", "");
        model.putIfAbsent("name", "");
        noStore(resp);
        renderer.render(req, resp, status, "verify-lookup", model);
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, String token, PdfCheck check, String problem)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        // a file check is recorded (and limited) as one; the page around its answer is not a second check
        model.put("v", check == null ? verification.byToken(token, req.getRemoteAddr())
                : certificates.publicRecord(token).orElseThrow(
                        () -> TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "未找到该证书")));
        model.put("token", token);
        model.put("check", check);
        model.put("problem", problem);
        noStore(resp);
        renderer.render(req, resp, problem == null ? 200 : 400, "verify", model);
    }

    private void failure(HttpServletRequest req, HttpServletResponse resp, TitleCertException e) throws IOException {
        if (e.retryAfterSeconds() > 0) {
            resp.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        renderer.failure(req, resp, e);
    }

    private static void noStore(HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }
}
