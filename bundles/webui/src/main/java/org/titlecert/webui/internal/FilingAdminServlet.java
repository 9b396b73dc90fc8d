package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.FilingReports;
import org.titlecert.identity.PasswordResets;
import org.titlecert.notice.NoticeService;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingDraft;
import org.titlecert.filing.FilingQuery;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.FilingType;
import org.titlecert.filing.ImportMode;
import org.titlecert.filing.ImportReport;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.RosterEntry;
import org.titlecert.photo.PhotoService;

/** 职称评审管理 — 批复备案管理: the filing list, a filing's page, and its forms. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-filings")
@HttpWhiteboardServletPattern({"/admin/filings", "/admin/filings/*"})
// the container's bound; the configured limit (maxUploadMb, at most this) is checked on each upload
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = FilingAdminServlet.MAX_UPLOAD,
        maxRequestSize = FilingAdminServlet.MAX_UPLOAD + 1024 * 1024)
public class FilingAdminServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ID = Pattern.compile("/(\\d+)(/[a-z-]+)?");
    private static final int PAGE_SIZE = 15;
    private static final int ROSTER_PAGE_SIZE = 20;
    static final long MAX_UPLOAD = 100L * 1024 * 1024;

    @Reference
    private transient FilingService filings;

    @Reference
    private transient OrganizationService organizations;

    @Reference
    private transient Renderer renderer;

    @Reference
    private transient CertificateService certificates;

    @Reference
    private transient PhotoService photos;

    @Reference
    private transient CorrectionService corrections;

    @Reference
    private transient NoticeService notices;

    @Reference
    private transient FilingReports reports;

    @Reference
    private transient PasswordResets resets;

    private CertificatePages certificatePages() {
        return new CertificatePages(filings, certificates, renderer, photos, corrections, notices, reports, resets);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Caller caller = Pages.caller(req);
        try {
            if (path.equals("/")) {
                list(req, resp, caller);
                return;
            }
            if (path.equals("/new")) {
                form(req, resp, caller, null, null, List.of());
                return;
            }
            Matcher cert = CertificatePages.PATH.matcher(path);
            if (cert.matches()) {
                certificatePages().get(req, resp, caller, cert, base(req));
                return;
            }
            Matcher m = ID.matcher(path);
            if (m.matches() && m.group(2) == null) {
                detail(req, resp, caller, Long.parseLong(m.group(1)), 200, null);
            } else if (m.matches() && "/edit".equals(m.group(2))) {
                Filing f = filings.get(caller, Long.parseLong(m.group(1)));
                form(req, resp, caller, f, draftOf(f), List.of());
            } else {
                renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        req.setCharacterEncoding("UTF-8");
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Caller caller = Pages.caller(req);
        if (path.equals("/")) {
            FilingDraft d = draftFrom(req);
            try {
                Filing f = filings.create(caller, d);
                resp.sendRedirect("/admin/filings/" + f.id() + "?notice=created");
            } catch (TitleCertException e) {
                form(req, resp, caller, null, d, e.violations().isEmpty()
                        ? List.of(Violation.field("form", e.getMessage())) : e.violations());
            }
            return;
        }
        Matcher cert = CertificatePages.PATH.matcher(path);
        if (cert.matches()) {
            try {
                certificatePages().post(req, resp, caller, cert, base(req));
            } catch (TitleCertException e) {
                renderer.failure(req, resp, e);
            }
            return;
        }
        Matcher m = ID.matcher(path);
        if (!m.matches()) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        long id = Long.parseLong(m.group(1));
        String action = m.group(2) == null ? "" : m.group(2);
        String back = "/admin/filings/" + id;
        try {
            switch (action) {
                case "" -> {
                    FilingDraft d = draftFrom(req);
                    try {
                        filings.update(caller, id, d);
                    } catch (TitleCertException e) {
                        if (e.kind() == TitleCertException.Kind.INVALID) {
                            form(req, resp, caller, filings.get(caller, id), d, e.violations());
                            return;
                        }
                        throw e;
                    }
                    resp.sendRedirect(back + "?notice=saved");
                }
                case "/roster" -> {
                    ImportMode mode = "REPLACE".equals(Pages.param(req, "mode")) ? ImportMode.REPLACE : ImportMode.MERGE;
                    ImportReport r = filings.importRoster(caller, id, upload(req), mode);
                    resp.sendRedirect(back + "?notice=imported&rows=" + r.rows() + "&ins=" + r.inserted() + "&upd="
                            + r.updated() + "&same=" + r.unchanged() + "&rem=" + r.removed());
                }
                case "/document" -> {
                    Part part = part(req);
                    try (InputStream in = part.getInputStream()) {
                        filings.putApprovalDocument(caller, id, part.getSubmittedFileName(), in);
                    }
                    resp.sendRedirect(back + "?notice=document#approval-document");
                }
                case "/approve" -> {
                    String date = Pages.param(req, "approvalDate");
                    java.time.LocalDate approvalDate;
                    try {
                        approvalDate = date == null ? null : java.time.LocalDate.parse(date);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw TitleCertException.invalid("APPROVAL_DATE_INVALID", "批复日期格式应为 yyyy-mm-dd");
                    }
                    filings.approve(caller, id, approvalDate);
                    resp.sendRedirect(back + "?notice=approved");
                }
                case "/reject" -> {
                    filings.reject(caller, id, Pages.param(req, "reason"));
                    resp.sendRedirect(back + "?notice=rejected");
                }
                default -> renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND || e.kind() == TitleCertException.Kind.FORBIDDEN) {
                renderer.failure(req, resp, e);
            } else {
                detail(req, resp, caller, id, Pages.status(e), e);
            }
        }
    }

    private Part part(HttpServletRequest req) throws IOException, ServletException {
        return FormUploads.part(req, "file", renderer.config().maxUploadMb());
    }

    private byte[] upload(HttpServletRequest req) throws IOException, ServletException {
        try (InputStream in = part(req).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Caller caller) throws IOException {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String p : List.of("name", "approvalNumber", "year", "type", "status")) {
            filter.put(p, Pages.param(req, p));
        }
        Integer page = Pages.integer(Pages.param(req, "page"));
        FilingQuery q = new FilingQuery(filter.get("name"), filter.get("approvalNumber"),
                Pages.integer(filter.get("year")), enumOrNull(FilingType.class, filter.get("type")),
                enumOrNull(FilingStatus.class, filter.get("status")), null, null,
                new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE));
        Page<Filing> result = filings.find(caller, q);
        Map<String, Object> model = base(req);
        model.put("filter", filter);
        model.put("result", result);
        model.put("filterQuery", Pages.query(filter));
        model.put("years", years());
        model.put("types", FilingType.values());
        model.put("statuses", FilingStatus.values());
        renderer.render(req, resp, 200, "filings", model);
    }

    /** A filing's page; after a failed action, with the reason (and any per-row errors) on top. */
    private void detail(HttpServletRequest req, HttpServletResponse resp, Caller caller, long id, int status,
                        TitleCertException problem) throws IOException {
        Filing f = filings.get(caller, id);
        Integer page = Pages.integer(Pages.param(req, "page"));
        Page<RosterEntry> roster = filings.roster(caller, id,
                new PageRequest(page == null || page < 1 || problem != null ? 1 : page, ROSTER_PAGE_SIZE));
        Map<String, Object> model = base(req);
        model.put("f", f);
        model.put("roster", roster);
        model.put("canDecide", caller.isSystem() && f.editable());
        model.put("today", renderer.today().toString());
        if (problem != null) {
            model.put("problem", problem.getMessage());
            model.put("violations", problem.violations());
            model.remove("notice");
        }
        renderer.render(req, resp, status, "filing", model);
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, Caller caller, Filing existing,
                      FilingDraft draft, List<Violation> violations) throws IOException {
        Map<String, Object> model = base(req);
        model.put("existing", existing);
        int year = renderer.today().getYear();
        model.put("d", draft == null ? new FilingDraft("", "", year, FilingType.REVIEW, null, null) : draft);
        model.put("errors", Pages.fieldErrors(violations));
        model.put("types", FilingType.values());
        model.put("committees", organizations.committees().stream()
                .filter(c -> caller.mayManageUnit(c.unitId())).toList());
        model.put("authorities", organizations.issuingAuthorities());
        renderer.render(req, resp, violations.isEmpty() ? 200 : 400, "filing-form", model);
    }

    private static Map<String, Object> base(HttpServletRequest req) {
        Map<String, Object> model = new HashMap<>();
        String notice = Notices.of(req);
        if (notice != null) {
            model.put("notice", notice);
        }
        model.put("active", "filings");
        return model;
    }

    private static FilingDraft draftFrom(HttpServletRequest req) {
        return new FilingDraft(Pages.param(req, "name"), Pages.param(req, "approvalNumber"),
                Pages.integer(Pages.param(req, "year")), enumOrNull(FilingType.class, Pages.param(req, "type")),
                Pages.longId(Pages.param(req, "committeeId")), Pages.longId(Pages.param(req, "issuingAuthorityId")));
    }

    private static FilingDraft draftOf(Filing f) {
        return new FilingDraft(f.name(), f.approvalNumber(), f.year(), f.type(), f.committee().id(),
                f.issuingAuthority().id());
    }

    private List<Integer> years() {
        int now = renderer.today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now + 1; y >= now - 8; y--) {
            years.add(y);
        }
        return years;
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String v) {
        try {
            return v == null ? null : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
