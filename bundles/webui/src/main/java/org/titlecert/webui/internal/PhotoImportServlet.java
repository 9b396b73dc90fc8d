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
import org.titlecert.api.TitleCertException;
import org.titlecert.photo.ImportedPhoto;
import org.titlecert.photo.PhotoService;

/** 照片批量导入: a unit imports the ID photos it already holds, as a ZIP of files named by ID number. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-photo-import")
@HttpWhiteboardServletPattern("/admin/photo-imports")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 200L * 1024 * 1024, maxRequestSize = 201L * 1024 * 1024)
public class PhotoImportServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PhotoService photos;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        render(req, resp, 200, null, null);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        try {
            Part part;
            try {
                part = req.getPart("file");
            } catch (IllegalStateException e) {
                throw TitleCertException.tooLarge("ZIP_TOO_LARGE", "压缩文件超过 200 MB");
            }
            if (part == null || part.getSize() == 0) {
                throw TitleCertException.invalid("FILE_REQUIRED", "请选择 ZIP 压缩文件");
            }
            // the container spools the upload to a temporary file; the import streams it from there
            List<ImportedPhoto> report;
            try (InputStream in = part.getInputStream()) {
                report = photos.importZip(Pages.caller(req), in);
            }
            render(req, resp, 200, report, null);
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.FORBIDDEN) {
                renderer.failure(req, resp, e);
            } else {
                render(req, resp, Pages.status(e), null, e.getMessage());
            }
        }
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, int status, List<ImportedPhoto> report,
                        String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("imported", report == null ? 0 : report.stream().filter(ImportedPhoto::ok).count());
        model.put("error", error);
        model.put("active", "photo-imports");
        renderer.render(req, resp, status, "photo-imports", model);
    }
}
