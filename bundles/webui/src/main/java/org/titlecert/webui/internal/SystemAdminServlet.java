package org.titlecert.webui.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.Caller;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Role;
import org.titlecert.api.Scopes;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.ContentDisposition;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.AuditQuery;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.OrganizationService;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.RegistrationService;

/**
 * Administration pages: 个人注册审核 (unit and system admins), and for system admins
 * 管理人员账号, API 密钥 and 审计日志. The services refuse anyone not allowed.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-administration")
@HttpWhiteboardServletPattern({"/admin/accounts", "/admin/accounts/*", "/admin/api-keys", "/admin/api-keys/*",
        "/admin/audit", "/admin/audit/export.csv", "/admin/individuals", "/admin/individuals/*"})
public class SystemAdminServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ACTION = Pattern.compile("/(\\d+)/([a-z-]+)");

    @Reference
    private transient AdminAccountService admins;

    @Reference
    private transient ApiKeyService keys;

    @Reference
    private transient RegistrationService registration;

    @Reference
    private transient AuditLog audit;

    @Reference
    private transient OrganizationService organizations;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if (req.getServletPath().equals("/admin/audit/export.csv")) {
                // the entries the page's filters select, all of them, as the auditors' spreadsheet
                AuditLog.Export export = audit.export(Pages.caller(req), auditQuery(req, 1));
                resp.setContentType("text/csv;charset=UTF-8");
                resp.setHeader("Content-Disposition", ContentDisposition.of("审计日志.csv", false));
                resp.setHeader("Cache-Control", "no-store");
                export.writeTo(resp.getOutputStream());
                return;
            }
            page(req, resp, 200, null, null);
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        Caller caller = Pages.caller(req);
        String section = req.getServletPath();
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Matcher m = ACTION.matcher(path);
        try {
            NewSecret secret = null;
            if (path.isEmpty() && section.equals("/admin/accounts")) {
                String role = Pages.param(req, "role");
                secret = admins.create(caller, Pages.param(req, "login"), Pages.param(req, "displayName"),
                        "SYSTEM_ADMIN".equals(role) ? Role.SYSTEM_ADMIN : Role.UNIT_ADMIN,
                        Pages.longId(Pages.param(req, "unitId")));
            } else if (path.isEmpty() && section.equals("/admin/api-keys")) {
                String[] scopes = req.getParameterValues("scopes");
                secret = keys.create(caller, Pages.param(req, "label"),
                        "0".equals(Pages.param(req, "unitId")) ? null : Pages.longId(Pages.param(req, "unitId")),
                        scopes == null ? Set.of() : Set.of(scopes));
            } else if (m.matches()) {
                long id = Long.parseLong(m.group(1));
                switch (section + "/" + m.group(2)) {
                    case "/admin/accounts/disable" -> admins.setEnabled(caller, id, false);
                    case "/admin/accounts/enable" -> admins.setEnabled(caller, id, true);
                    case "/admin/accounts/reset-password" -> secret = admins.resetPassword(caller, id);
                    case "/admin/api-keys/revoke" -> keys.revoke(caller, id);
                    case "/admin/individuals/confirm" -> registration.confirm(caller, id);
                    case "/admin/individuals/reject" -> registration.reject(caller, id, Pages.param(req, "reason"));
                    default -> {
                        renderer.error(req, resp, 404, "页面不存在");
                        return;
                    }
                }
            } else {
                renderer.error(req, resp, 404, "页面不存在");
                return;
            }
            if (secret == null) {
                resp.sendRedirect(section + "?notice=saved");
            } else {
                page(req, resp, 200, secret, null);
            }
        } catch (TitleCertException e) {
            if (e.kind() == TitleCertException.Kind.FORBIDDEN || e.kind() == TitleCertException.Kind.NOT_FOUND) {
                renderer.failure(req, resp, e);
            } else {
                page(req, resp, Pages.status(e), null, e.getMessage());
            }
        }
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, NewSecret secret, String error)
            throws IOException {
        Caller caller = Pages.caller(req);
        String section = req.getServletPath();
        Map<String, Object> model = new HashMap<>();
        model.put("secret", secret);
        model.put("error", error);
        model.put("notice", Notices.of(req));
        model.put("units", organizations.units());
        switch (section) {
            case "/admin/accounts" -> {
                model.put("accounts", admins.list(caller));
                model.put("active", "accounts");
                renderer.render(req, resp, status, "accounts", model);
            }
            case "/admin/api-keys" -> {
                model.put("keys", keys.list(caller));
                model.put("scopes", Scopes.ALL);
                model.put("active", "api-keys");
                renderer.render(req, resp, status, "api-keys", model);
            }
            case "/admin/individuals" -> {
                model.put("pending", registration.pending(caller,
                        new org.titlecert.api.PageRequest(Math.max(1, orOne(Pages.integer(Pages.param(req, "page")))), 20)));
                model.put("unitNames", unitNames());
                model.put("active", "individuals");
                renderer.render(req, resp, status, "individuals", model);
            }
            default -> {
                Map<String, String> filter = auditFilter(req);
                Integer page = Pages.integer(Pages.param(req, "page"));
                model.put("filter", filter);
                model.put("filterQuery", Pages.query(filter));
                model.put("outcomes", Outcome.values());
                model.put("result", audit.find(caller, auditQuery(req, page == null || page < 1 ? 1 : page)));
                model.put("active", "audit");
                renderer.render(req, resp, status, "audit", model);
            }
        }
    }

    /** The 审计日志 page's filters as the request gives them. */
    private static Map<String, String> auditFilter(HttpServletRequest req) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String p : List.of("actor", "action", "outcome", "from", "to")) {
            filter.put(p, Pages.param(req, p));
        }
        return filter;
    }

    /** The filters as a query: dates are whole days in the platform's zone. */
    private AuditQuery auditQuery(HttpServletRequest req, int page) {
        ZoneId zone = renderer.zone();
        Map<String, String> filter = auditFilter(req);
        LocalDate from = date(filter.get("from"));
        LocalDate to = date(filter.get("to"));
        return new AuditQuery(filter.get("actor"), filter.get("action"),
                FilingAdminServlet.enumOrNull(Outcome.class, filter.get("outcome")),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), new PageRequest(page, 30));
    }

    private static LocalDate date(String v) {
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static int orOne(Integer page) {
        return page == null ? 1 : page;
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new HashMap<>();
        organizations.units().forEach(u -> names.put(Long.toString(u.id()), u.name()));
        return names;
    }
}
