package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.Session;

/** 修改密码: 个人中心 → 修改密码 for individuals, and the same page in the admins' menu. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-password")
@HttpWhiteboardServletPattern({"/me/password", "/admin/password", "/verifier/password"})
public class PasswordServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        page(req, resp, 200, List.of(), Notices.of(req));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<Violation> violations;
        if (!String.valueOf(Pages.param(req, "newPassword")).equals(String.valueOf(Pages.param(req, "confirm")))) {
            violations = List.of(Violation.field("confirm", "两次输入的新密码不一致"));
        } else {
            try {
                identity.changePassword(Pages.session(req).token(), Pages.param(req, "currentPassword"),
                        Pages.param(req, "newPassword"), req.getRemoteAddr());
                resp.sendRedirect(Pages.path(req) + "?notice=password");
                return;
            } catch (TitleCertException e) {
                if (e.kind() != TitleCertException.Kind.INVALID || e.violations().isEmpty()) {
                    renderer.failure(req, resp, e);
                    return;
                }
                violations = e.violations();
            }
        }
        page(req, resp, 400, violations, null);
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, List<Violation> violations,
                      String notice) throws IOException {
        Session s = Pages.session(req);
        String area = switch (s.caller().role()) {
            case INDIVIDUAL -> "me";
            case VERIFIER -> "verifier";
            default -> "admin";
        };
        Map<String, Object> model = new HashMap<>();
        model.put("errors", Pages.fieldErrors(violations));
        model.put("nav", area);
        model.put("action", "/" + area + "/password");
        model.put("active", "password");
        if (notice != null) {
            model.put("notice", notice);
        }
        renderer.render(req, resp, status, "password", model);
    }
}
