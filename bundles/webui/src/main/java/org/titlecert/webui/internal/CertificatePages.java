package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import javax.servlet.http.HttpServletResponse;

import org.titlecert.api.Caller;
import org.titlecert.api.ContentDisposition;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateExport;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.Correction;
import org.titlecert.certificate.CorrectionReason;
import org.titlecert.certificate.CorrectionService;
import org.titlecert.certificate.CorrectionStatus;
import org.titlecert.certificate.FilingReports;
import org.titlecert.certificate.RevocationReason;
import org.titlecert.filing.RosterChange;
import org.titlecert.identity.PasswordResets;
import org.titlecert.notice.NoticeService;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingService;
import org.titlecert.photo.PhotoService;

/**
 * 证书导出 (manual section 二): an approved filing's certificates with their state, 查看 per person with
 * previews of the certificate and the approval document, 下载 and 批量下载 of the checked ones.
 */
final class CertificatePages {

    /**
     * {@code /{filing}/certificates}, {@code .../export}, {@code .../all.zip}, {@code .../revoke|reinstate} (the
     * whole filing's), {@code .../{id}}, {@code .../{id}/revoke|reinstate|regenerate|corrections}.
     */
    static final Pattern PATH = Pattern.compile("/(\\d+)/certificates(?:/(export|all\\.zip|not-generated\\.xlsx|revoke|reinstate|photo-reminders|\\d+)"
            + "(?:/(revoke|reinstate|regenerate|corrections|password|progress))?)?");
    /** The progress of each user's 下载全部, shared by the pages of this node. */
    private static final DownloadProgress PROGRESS = new DownloadProgress();
    /** The page sizes 证书导出 offers; the first is the default. */
    private static final List<Integer> PAGE_SIZES = List.of(50, 20, 100, 200);
    /** Why a batch download was refused, by code (post/redirect/get carries no free text). */
    private static final Map<String, String> PROBLEMS = Map.of(
            "EXPORT_EMPTY", "请至少勾选一本已生成的证书",
            "EXPORT_TOO_LARGE", "一次勾选的证书过多，请分批下载",
            "CERTIFICATE_NOT_GENERATED", "勾选的证书中有尚未生成的，未生成的证书只能查看，不能下载");

    private final FilingService filings;
    private final CertificateService certificates;
    private final Renderer renderer;
    private final PhotoService photos;
    private final CorrectionService corrections;
    private final NoticeService notices;
    private final FilingReports reports;
    private final PasswordResets resets;

    CertificatePages(FilingService filings, CertificateService certificates, Renderer renderer, PhotoService photos,
                     CorrectionService corrections, NoticeService notices, FilingReports reports,
                     PasswordResets resets) {
        this.notices = notices;
        this.reports = reports;
        this.resets = resets;
        this.filings = filings;
        this.certificates = certificates;
        this.renderer = renderer;
        this.photos = photos;
        this.corrections = corrections;
    }

    void get(HttpServletRequest req, HttpServletResponse resp, Caller caller, Matcher m, Map<String, Object> model)
            throws IOException {
        long filingId = Long.parseLong(m.group(1));
        Filing f = filings.get(caller, filingId);
        model.put("f", f);
        if (m.group(2) == null && m.group(3) == null) {
            list(req, resp, caller, f, model);
        } else if ("all.zip".equals(m.group(2)) && m.group(3) == null) {
            CertificateExport all = certificates.exportAll(caller, filingId);
            String id = Pages.param(req, "progress");
            if (id == null || !DownloadProgress.ID.matcher(id).matches()) {
                stream(resp, all, n -> { });
            } else {
                PROGRESS.update(caller.principal(), id, 0, all.count(), false);
                stream(resp, all, n -> PROGRESS.update(caller.principal(), id, n, all.count(), false));
                PROGRESS.update(caller.principal(), id, all.count(), all.count(), true);
            }
        } else if ("all.zip".equals(m.group(2)) && "progress".equals(m.group(3))) {
            progress(req, resp, caller);
        } else if ("not-generated.xlsx".equals(m.group(2)) && m.group(3) == null) {
            FilingReports.Spreadsheet sheet = reports.notGenerated(caller, filingId);
            resp.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            resp.setHeader("Content-Disposition", ContentDisposition.of(sheet.fileName(), false));
            resp.setHeader("Cache-Control", "no-store");
            sheet.writeTo(resp.getOutputStream());
        } else if (m.group(2).matches("\\d+") && m.group(3) == null) {
            view(req, resp, caller, f, Long.parseLong(m.group(2)), model);
        } else {
            renderer.error(req, resp, 405, "请使用页面上的按钮操作");
        }
    }

    void post(HttpServletRequest req, HttpServletResponse resp, Caller caller, Matcher m, Map<String, Object> model)
            throws IOException, ServletException {
        long filingId = Long.parseLong(m.group(1));
        if ("export".equals(m.group(2))) {
            export(req, resp, caller, filingId);
            return;
        }
        if ("photo-reminders".equals(m.group(2)) && m.group(3) == null) {
            int n = notices.remindPhotos(caller, filingId);
            resp.sendRedirect("/admin/filings/" + filingId + "/certificates?notice=photo-reminded&n=" + n);
            return;
        }
        if (("revoke".equals(m.group(2)) || "reinstate".equals(m.group(2))) && m.group(3) == null) {
            int n = m.group(2).equals("revoke")
                    ? certificates.revokeFiling(caller, filingId, reason(req), Pages.param(req, "note"))
                    : certificates.reinstateFiling(caller, filingId, Pages.param(req, "note"));
            resp.sendRedirect("/admin/filings/" + filingId + "/certificates?notice=filing-" + m.group(2) + "d&n=" + n);
            return;
        }
        if (m.group(2) == null || m.group(3) == null || !m.group(2).matches("\\d+")) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        long id = Long.parseLong(m.group(2));
        Certificate c = certificates.get(caller, id);
        if (c.filingId() != filingId) {
            throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
        }
        if ("corrections".equals(m.group(3))) {
            requestCorrection(req, resp, caller, filingId, id, model);
            return;
        }
        if ("password".equals(m.group(3))) {
            // shown once, on this answer only: never in a URL or a redirect
            model.put("oneTimePassword", resets.resetByUnit(caller, c.personId()));
            Filing f = filings.get(caller, filingId);
            model.put("f", f);
            resp.setHeader("Cache-Control", "no-store");
            view(req, resp, caller, f, id, model, 200);
            return;
        }
        switch (m.group(3)) {
            case "revoke" -> certificates.revoke(caller, id, reason(req), Pages.param(req, "note"));
            case "reinstate" -> certificates.reinstate(caller, id, Pages.param(req, "note"));
            default -> certificates.regenerate(caller, id);
        }
        resp.sendRedirect("/admin/filings/" + filingId + "/certificates/" + id + "?notice=" + m.group(3) + "d");
    }

    /**
     * 申请更正: the form's fields as a change (only those that differ from the entry count), its reason and the
     * evidence. A refused form is shown again with what was entered and why, in Chinese.
     */
    private void requestCorrection(HttpServletRequest req, HttpServletResponse resp, Caller caller, long filingId,
                                   long id, Map<String, Object> model) throws IOException, ServletException {
        Map<String, String> entered = new java.util.HashMap<>();
        for (String k : List.of("name", "gender", "birthDate", "employer", "series", "specialty", "titleName", "level",
                "qualificationDate", "reason", "detail")) {
            entered.put(k, Pages.param(req, k) == null ? "" : Pages.param(req, k).strip());
        }
        try {
            Part evidence = FormUploads.part(req, "evidence", renderer.config().maxUploadMb());
            RosterChange change = new RosterChange(blank(entered.get("name")), blank(entered.get("gender")),
                    FormUploads.date(entered.get("birthDate"), "出生日期"), blank(entered.get("employer")),
                    blank(entered.get("series")), blank(entered.get("specialty")), blank(entered.get("titleName")),
                    blank(entered.get("level")), FormUploads.date(entered.get("qualificationDate"), "取得资格时间"));
            try (InputStream in = evidence.getInputStream()) {
                corrections.request(caller, id, change, CorrectionReason.of(entered.get("reason")).orElse(null),
                        entered.get("detail"), evidence.getSubmittedFileName(), in);
            }
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND || e.kind() == TitleCertException.Kind.FORBIDDEN) {
                throw e;
            }
            model.put("draft", entered);
            model.put("correctionErrors", e.violations().isEmpty() ? List.of(e.getMessage())
                    : e.violations().stream().map(v -> (v.column() == null ? "" : v.column() + "：") + v.reason())
                    .toList());
            Filing f = filings.get(caller, filingId);
            model.put("f", f);
            view(req, resp, caller, f, id, model, Pages.status(e));
            return;
        }
        resp.sendRedirect("/admin/filings/" + filingId + "/certificates/" + id + "?notice=correction-requested#corrections");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static RevocationReason reason(HttpServletRequest req) {
        return RevocationReason.of(Pages.param(req, "reason")).orElse(null);
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Caller caller, Filing f,
                      Map<String, Object> model) throws IOException {
        String status = Pages.param(req, "status");
        GenerationStatus filter = null;
        for (GenerationStatus s : GenerationStatus.values()) {
            if (s.name().equals(status)) {
                filter = s;
            }
        }
        Integer page = Pages.integer(Pages.param(req, "page"));
        Integer asked = Pages.integer(Pages.param(req, "size"));
        int size = asked != null && PAGE_SIZES.contains(asked) ? asked : PAGE_SIZES.get(0);
        String search = Pages.param(req, "q") == null ? "" : Pages.param(req, "q").strip();
        Page<Certificate> result = certificates.byFiling(caller, f.id(), filter, search,
                new PageRequest(page == null || page < 1 ? 1 : page, size));
        model.put("result", result);
        model.put("q", search);
        model.put("size", size);
        model.put("pageSizes", PAGE_SIZES.stream().sorted().toList());
        model.put("problem", PROBLEMS.get(String.valueOf(Pages.param(req, "problem"))));
        model.put("status", filter == null ? "" : filter.name());
        model.put("statuses", GenerationStatus.values());
        model.put("generated", certificates.byFiling(caller, f.id(), GenerationStatus.GENERATED, null,
                new PageRequest(1, 1)).total());
        model.put("all", certificates.byFiling(caller, f.id(), null, null, new PageRequest(1, 1)).total());
        model.put("notGenerated", certificates.byFiling(caller, f.id(), GenerationStatus.NOT_GENERATED, null,
                new PageRequest(1, 1)).total());
        model.put("extraScripts", List.of("/static/certificates.js"));
        model.put("revocationReasons", RevocationReason.values());
        if (result.items().stream().anyMatch(c -> c.status() == GenerationStatus.QUEUED)) {
            model.put("refresh", Pages.withoutNotice(req));
        }
        renderer.render(req, resp, 200, "certificates", model);
    }

    private void view(HttpServletRequest req, HttpServletResponse resp, Caller caller, Filing f, long id,
                      Map<String, Object> model) throws IOException {
        view(req, resp, caller, f, id, model, 200);
    }

    private void view(HttpServletRequest req, HttpServletResponse resp, Caller caller, Filing f, long id,
                      Map<String, Object> model, int status) throws IOException {
        Certificate c = certificates.get(caller, id);
        if (c.filingId() != f.id()) {
            throw TitleCertException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
        }
        model.put("cert", c);
        model.put("t", filings.title(caller, c.rosterEntryId()));
        model.put("revocationReasons", RevocationReason.values());
        model.put("hasPhoto", photos.info(caller, c.personId()).isPresent());
        List<Correction> history = corrections.find(caller, null, id, new PageRequest(1, 50)).items();
        model.put("corrections", history);
        model.put("correctionPending", history.stream().anyMatch(x -> x.status() == CorrectionStatus.PENDING));
        model.put("correctionReasons", CorrectionReason.values());
        model.put("levels", org.titlecert.filing.Levels.ALL);
        renderer.render(req, resp, status, "certificate", model);
    }

    /** 批量下载: the checked certificates as one ZIP, streamed. */
    private void export(HttpServletRequest req, HttpServletResponse resp, Caller caller, long filingId)
            throws IOException {
        String[] values = req.getParameterValues("id");
        List<Long> ids = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            Long id = Pages.longId(v);
            if (id != null) {
                ids.add(id);
            }
        }
        CertificateExport export;
        try {
            export = certificates.export(caller, filingId, ids);
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.NOT_FOUND || e.kind() == TitleCertException.Kind.FORBIDDEN) {
                throw e;
            }
            resp.sendRedirect("/admin/filings/" + filingId + "/certificates?problem=" + e.code());
            return;
        }
        stream(resp, export, n -> { });
    }

    private static void stream(HttpServletResponse resp, CertificateExport export, java.util.function.IntConsumer written)
            throws IOException {
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", ContentDisposition.of(export.fileName(), false));
        resp.setHeader("Cache-Control", "no-store");
        export.writeTo(resp.getOutputStream(), written);
    }

    /** {@code all.zip/progress?id=}: how far this user's download of that id has got, as JSON. */
    private static void progress(HttpServletRequest req, HttpServletResponse resp, Caller caller) throws IOException {
        String id = Pages.param(req, "id");
        DownloadProgress.State state = id == null ? null : PROGRESS.get(caller.principal(), id);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        if (state == null) {
            resp.setStatus(404);
            resp.getWriter().write("{\"code\":\"DOWNLOAD_NOT_FOUND\",\"message\":\"没有该下载\"}");
            return;
        }
        resp.getWriter().write("{\"done\":" + state.done() + ",\"total\":" + state.total() + ",\"finished\":"
                + state.finished() + "}");
    }
}
