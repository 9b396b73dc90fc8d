package org.titlecert.webui.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.filing.OrganizationService;
import org.titlecert.identity.Profile;
import org.titlecert.identity.ProfileOptions;
import org.titlecert.identity.RegistrationService;

/** 个人注册 (manual figure 1-4): the form every individual completes on first login. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-profile")
@HttpWhiteboardServletPattern("/register/profile")
public class ProfileServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient RegistrationService registration;

    @Reference
    private transient OrganizationService organizations;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        render(req, resp, 200, registration.profile(Pages.caller(req)), List.of());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        Profile current = registration.profile(Pages.caller(req));
        List<Violation> dateErrors = new java.util.ArrayList<>();
        Profile form = new Profile(keep(req, current, "realName", current.realName()),
                current.idNumber(), keep(req, current, "mobile", current.mobile()),
                Pages.param(req, "gender"), date(req, "birthDate", "出生日期", dateErrors),
                Pages.param(req, "politicalStatus"), Pages.param(req, "ethnicity"), Pages.param(req, "email"),
                Pages.param(req, "address"), date(req, "workStartDate", "工作时间", dateErrors),
                Pages.param(req, "education"), Pages.param(req, "titleName"), Pages.param(req, "skillLevel"),
                Pages.param(req, "degree"), Pages.param(req, "landline"),
                "0".equals(Pages.param(req, "employerUnitId")) ? null : Pages.longId(Pages.param(req, "employerUnitId")),
                current.readOnly(), current.complete());
        try {
            if (!dateErrors.isEmpty()) {
                throw TitleCertException.invalid("PROFILE_INVALID", "请按提示修改后再提交", dateErrors);
            }
            registration.save(Pages.caller(req), form);
            resp.sendRedirect("/me?notice=registered");
        } catch (TitleCertException e) {
            render(req, resp, Pages.status(e), form, e.violations());
        }
    }

    /** A field the SSO filled in stays as it was, whatever the browser sends. */
    private static String keep(HttpServletRequest req, Profile current, String field, String value) {
        return current.readOnly().contains(field) ? value : Pages.param(req, field);
    }

    private static LocalDate date(HttpServletRequest req, String field, String label, List<Violation> errors) {
        String v = Pages.param(req, field);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(Violation.field(field, label + "格式应为 yyyy-mm-dd"));
            return null;
        }
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, int status, Profile p,
                        List<Violation> violations) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("p", p);
        model.put("errors", Pages.fieldErrors(violations));
        model.put("units", organizations.units());
        model.put("politicalStatuses", ProfileOptions.POLITICAL_STATUS);
        model.put("ethnicities", ProfileOptions.ETHNICITY);
        model.put("educations", ProfileOptions.EDUCATION);
        model.put("degrees", ProfileOptions.DEGREE);
        renderer.render(req, resp, status, "profile", model);
    }
}
