package org.titlecert.webui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.PrivacyNotice;
import org.titlecert.identity.RegistrationService;

/**
 * 个人信息保护告知书: {@code /privacy} for anyone; {@code /privacy/consent} where a signed-in individual who has not
 * agreed to the version in force does so (同意并继续) before anything else, or signs out.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-privacy-notice")
@HttpWhiteboardServletPattern({"/privacy", "/privacy/consent"})
public class PrivacyNoticeServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient RegistrationService registration;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("version", PrivacyNotice.VERSION);
        if (req.getServletPath().equals(WebAuthFilter.CONSENT_PAGE)) {
            model.put("consent", true);
            model.put("next", Pages.localPath(req.getParameter("next"), "/me"));
        }
        renderer.render(req, resp, 200, "privacy-notice", model);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().equals(WebAuthFilter.CONSENT_PAGE)) {
            renderer.error(req, resp, 405, "不支持该操作");
            return;
        }
        try {
            registration.consentToPrivacyNotice(Pages.caller(req));
            resp.sendRedirect(Pages.localPath(req.getParameter("next"), "/me"));
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }
}
