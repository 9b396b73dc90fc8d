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
import org.titlecert.api.Caller;
import org.titlecert.api.PageRequest;
import org.titlecert.api.TitleCertException;
import org.titlecert.notice.Notice;
import org.titlecert.notice.NoticeService;

/** 个人中心 — 我的消息: the holder's notices, newest first; opening one marks it read and follows its link. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-messages")
@HttpWhiteboardServletPattern({"/me/messages", "/me/messages/*"})
public class MessagesServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;

    @Reference
    private transient NoticeService notices;

    @Reference
    private transient Renderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            renderer.error(req, resp, 404, "页面不存在");
            return;
        }
        Caller caller = Pages.caller(req);
        Integer page = Pages.integer(Pages.param(req, "page"));
        Map<String, Object> model = new HashMap<>();
        model.put("active", "messages");
        model.put("result", notices.mine(caller, new PageRequest(page == null || page < 1 ? 1 : page, PAGE_SIZE)));
        String notice = Notices.of(req);
        if (notice != null) {
            model.put("notice", notice);
        }
        renderer.render(req, resp, 200, "messages", model);
    }

    /** {@code /{id}/read}: marks it read and opens what it is about; {@code /read-all}: marks all read. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Caller caller = Pages.caller(req);
        try {
            if (path.equals("/read-all")) {
                int n = notices.markAllRead(caller);
                resp.sendRedirect("/me/messages?notice=messages-read&n=" + n);
            } else if (path.matches("/\\d+/read")) {
                Notice n = notices.markRead(caller, Long.parseLong(path.substring(1, path.indexOf("/read"))));
                resp.sendRedirect(Pages.localPath(n.link(), "/me/messages"));
            } else {
                renderer.error(req, resp, 404, "页面不存在");
            }
        } catch (TitleCertException e) {
            renderer.failure(req, resp, e);
        }
    }
}
