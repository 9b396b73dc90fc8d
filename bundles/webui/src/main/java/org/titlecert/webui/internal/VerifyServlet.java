package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
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

/**
 * The public page a certificate's QR code opens: whether the certificate is valid, with the holder's
 * data masked, and a form that checks whether a PDF file is the genuine current version.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-verify")
@HttpWhiteboardServletPattern("/v/*")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 21L * 1024 * 1024, maxRequestSize = 22L * 1024 * 1024)
public class VerifyServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,64})(/check)?");

    @Reference
    private transient CertificateService certificates;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = PATH.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!m.matches() || m.group(2) != null) {
            renderer.error(req, resp, 404, "未找到该证书");
            return;
        }
        page(req, resp, m.group(1), null, null);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        Matcher m = PATH.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
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
                check = certificates.check(token, in, req.getRemoteAddr());
            }
            page(req, resp, token, check, null);
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.INVALID || e.kind() == TitleCertException.Kind.TOO_LARGE) {
                page(req, resp, token, null, e.getMessage());
            } else {
                renderer.failure(req, resp, e);
            }
        }
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, String token, PdfCheck check, String problem)
            throws IOException {
        try {
            Map<String, Object> model = new HashMap<>();
            model.put("v", certificates.verify(token, req.getRemoteAddr()));
            model.put("token", token);
            model.put("check", check);
            model.put("problem", problem);
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("Referrer-Policy", "no-referrer");
            renderer.render(req, resp, problem == null ? 200 : 400, "verify", model);
        } catch (TitleCertException e) {
            if (e.retryAfterSeconds() > 0) {
                resp.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
            }
            renderer.failure(req, resp, e);
        }
    }
}
