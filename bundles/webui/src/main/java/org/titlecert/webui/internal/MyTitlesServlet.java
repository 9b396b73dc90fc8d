package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.titlecert.api.Caller;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.certificate.QueueState;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.photo.PhotoEdit;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;

/** 个人中心 — 我的职称 (manual figure 1-5), 查看, and 上传照片 with crop, zoom and rotation (figures 1-6 to 1-8). */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-my-titles")
@HttpWhiteboardServletPattern({"/me/titles", "/me/titles/*", "/me/photo"})
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 11L * 1024 * 1024, maxRequestSize = 12L * 1024 * 1024)
public class MyTitlesServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient FilingService filings;

    @Reference
    private transient PhotoService photos;

    @Reference
    private transient CertificateService certificates;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Caller caller = Pages.caller(req);
        try {
            if (req.getServletPath().equals("/me/photo")) {
                photoPage(req, resp, caller, 200, null);
                return;
            }
            String path = req.getPathInfo();
            if (path == null || path.equals("/")) {
                list(req, resp, caller);
            } else if (path.matches("/\\d+")) {
                Map<String, Object> model = base(req, caller);
                long entry = Long.parseLong(path.substring(1));
                model.put("t", filings.title(caller, entry));
                model.put("cert", certificates.forRosterEntry(caller, entry).orElse(null));
                renderer.render(req, resp, 200, "title", model);
            } else {
                renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        Caller caller = Pages.caller(req);
        if (!req.getServletPath().equals("/me/photo")) {
            renderer.error(req, resp, 405, "请使用页面上的按钮操作");
            return;
        }
        try {
            if (caller.personId() == null) {
                throw TitleCertException.forbidden("PERSON_NOT_CONFIRMED", "您的身份证号码尚待单位审核确认，确认后才能上传照片");
            }
            Part part;
            try {
                part = req.getPart("file");
            } catch (IllegalStateException e) {
                throw TitleCertException.tooLarge("PHOTO_TOO_LARGE", "照片文件超过 10 MB 的大小限制");
            }
            if (part == null || part.getSize() == 0) {
                throw TitleCertException.invalid("FILE_REQUIRED", "请先选择照片");
            }
            byte[] image;
            try (InputStream in = part.getInputStream()) {
                image = in.readAllBytes();
            }
            photos.put(caller, caller.personId(), image, new PhotoEdit(Pages.integer(Pages.param(req, "x")),
                    Pages.integer(Pages.param(req, "y")), Pages.integer(Pages.param(req, "w")),
                    Pages.integer(Pages.param(req, "h")), orZero(Pages.integer(Pages.param(req, "rotate")))));
            resp.sendRedirect("/me/titles?notice=photo");
        } catch (TitleCertException e) {
            photoPage(req, resp, caller, Pages.status(e), e.getMessage());
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Caller caller) throws IOException {
        Map<String, Object> model = base(req, caller);
        List<PersonTitle> titles = caller.personId() == null ? List.of() : filings.titles(caller, caller.personId());
        model.put("titles", titles);
        Map<String, Certificate> byEntry = new HashMap<>();
        for (Certificate c : certificates.mine(caller)) {
            byEntry.put(Long.toString(c.rosterEntryId()), c);
        }
        model.put("certs", byEntry);
        if (byEntry.values().stream().anyMatch(c -> c.status() == GenerationStatus.QUEUED)) {
            // refresh while certificates are generated; say how long only when the queue really is busy
            model.put("refresh", Pages.withoutNotice(req));
            QueueState q = certificates.queue();
            if (q.estimatedSeconds() > 3) {
                model.put("busySeconds", q.estimatedSeconds());
            }
        } else if ("photo".equals(req.getParameter("notice"))) {
            // ready already: say so, not that it is still being made
            model.put("notice", "照片已上传，电子证书已更新");
        }
        renderer.render(req, resp, 200, "my-titles", model);
    }

    private void photoPage(HttpServletRequest req, HttpServletResponse resp, Caller caller, int status, String error)
            throws IOException {
        Map<String, Object> model = base(req, caller);
        model.put("error", error);
        int[] size = photos.size();
        model.put("photoWidth", size[0]);
        model.put("photoHeight", size[1]);
        model.put("extraStyles", List.of("/static/vendor/cropper/cropper.min.css"));
        model.put("extraScripts", List.of("/static/vendor/cropper/cropper.min.js", "/static/photo.js"));
        renderer.render(req, resp, status, "photo", model);
    }

    private Map<String, Object> base(HttpServletRequest req, Caller caller) {
        Map<String, Object> model = new HashMap<>();
        model.put("linked", caller.personId() != null);
        PhotoInfo photo = caller.personId() == null ? null : photos.info(caller, caller.personId()).orElse(null);
        model.put("photo", photo);
        model.put("notice", Notices.of(req));
        model.put("active", "titles");
        return model;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
