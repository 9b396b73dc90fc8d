package org.titlecert.webui.internal;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Faults;

/** The Chinese error page for every error status and uncaught exception: a plain message, never exception text. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("titlecert-error")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
public class ErrorPageServlet extends HttpServlet {

    /** A request attribute with a more precise message than the status's own. */
    static final String MESSAGE = ErrorPageServlet.class.getName() + ".message";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageServlet.class);

    @Reference
    private transient Renderer renderer;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        Object error = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object precise = req.getAttribute(MESSAGE);
        if (error instanceof Throwable t && (Faults.databaseUnavailable(t) || Faults.diskFull(t))) {
            boolean database = Faults.databaseUnavailable(t);
            LOG.warn("{} {}: {}", req.getMethod(), req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t.toString());
            resp.setHeader("Retry-After", Integer.toString(Faults.RETRY_AFTER_SECONDS));
            renderer.error(req, resp, 503, database ? Faults.DATABASE_MESSAGE : Faults.DISK_FULL_MESSAGE);
            return;
        }
        if (error instanceof Throwable t) {
            LOG.error("{} {} failed", req.getMethod(), req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
            code = 500;
        }
        renderer.error(req, resp, code, precise instanceof String m ? m : message(code));
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "请求无效，请检查后重试";
            case 401, 403 -> "您没有访问该页面的权限";
            case 404 -> "页面不存在";
            case 405 -> "不支持该请求方式";
            case 413 -> "上传内容过大";
            case 429 -> "请求过于频繁，请稍后再试";
            default -> status >= 500 ? "系统暂时无法处理该请求，请稍后重试" : "请求无法处理";
        };
    }
}
