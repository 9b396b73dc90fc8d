package org.titlecert.webui.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titlecert.api.DemoMode;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.TitleCertException;
import org.titlecert.identity.Session;
import org.titlecert.notice.NoticeService;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/** Renders the FreeMarker page templates, HTML-escaped by default, with the platform's branding. */
@Component(service = Renderer.class, configurationPid = WebUiConfig.PID)
@Designate(ocd = WebUiConfig.class)
public class Renderer {

    private final Configuration freemarker;
    private volatile WebUiConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + DemoMode.ENABLED + "=true)")
    private volatile DemoMode demo;

    /** For the unread count in an individual's header. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NoticeService notices;

    @Reference(policyOption = ReferencePolicyOption.GREEDY, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformClock clock;

    public Renderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(Renderer.class, "/templates"));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setURLEscapingCharset("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNumberFormat("computer");
    }

    @Activate
    @Modified
    void configure(WebUiConfig c) {
        this.config = c;
    }

    WebUiConfig config() {
        return config;
    }

    /** The zone in which pages show times and count days. */
    ZoneId zone() {
        return clock.zone();
    }

    LocalDate today() {
        return clock.today();
    }

    /** The Chinese error page. */
    void error(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        render(req, resp, status, "error", Map.of("message", message));
    }

    void failure(HttpServletRequest req, HttpServletResponse resp, TitleCertException e) throws IOException {
        error(req, resp, Pages.status(e), e.getMessage());
    }

    /** Renders a page; every page gets the branding, the signed-in user and the CSRF token for its forms. */
    void render(HttpServletRequest req, HttpServletResponse resp, int status, String template,
                Map<String, Object> model) throws IOException {
        Map<String, Object> m = new HashMap<>(model);
        m.put("platformName", config.platformName());
        m.put("operator", config.operator());
        m.put("fmt", new Format(clock.zone()));
        m.put("csrf", Pages.csrf(req));
        if (demo != null) {
            m.put("demoNotice", DemoMode.NOTICE);
        }
        Session s = Pages.session(req);
        if (s != null) {
            m.put("user", s.displayName());
            m.put("role", s.caller().role().name());
            NoticeService n = notices;
            if (s.caller().role() == org.titlecert.api.Role.INDIVIDUAL && n != null) {
                m.put("unreadNotices", n.unread(s.caller()));
            }
        }
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Writer w = resp.getWriter();
        try {
            freemarker.getTemplate(template + ".ftlh").process(m, w);
        } catch (TemplateException e) {
            throw new IOException("template " + template + " failed", e);
        }
    }
}
