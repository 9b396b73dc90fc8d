package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.Caller;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.OrganizingUnit;
import org.titlecert.identity.Profile;
import org.titlecert.identity.RegistrationService;

/** 个人中心 — 个人信息: the individual's registration details and whether their ID number is confirmed. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-personal-center")
@HttpWhiteboardServletPattern("/me")
public class PersonalCenterServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient RegistrationService registration;

    @Reference
    private transient OrganizationService organizations;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Caller caller = Pages.caller(req);
        Profile p = registration.profile(caller);
        Map<String, Object> model = new HashMap<>();
        model.put("p", p);
        model.put("linked", caller.personId() != null);
        registration.rejection(caller).ifPresent(reason -> model.put("rejection", reason));
        model.put("employer", p.employerUnitId() == null ? "否"
                : organizations.unit(p.employerUnitId()).map(OrganizingUnit::name).orElse("否"));
        model.put("notice", Notices.of(req));
        model.put("active", "me");
        renderer.render(req, resp, 200, "me", model);
    }
}
