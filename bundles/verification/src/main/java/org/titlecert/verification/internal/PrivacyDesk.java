package org.titlecert.verification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.PersonTitle;
import org.titlecert.identity.Profile;
import org.titlecert.identity.RegistrationService;
import org.titlecert.notice.Notice;
import org.titlecert.notice.NoticeService;
import org.titlecert.photo.PhotoInfo;
import org.titlecert.photo.PhotoService;
import org.titlecert.verification.CheckRecord;
import org.titlecert.verification.PersonalData;
import org.titlecert.verification.PrivacyCentre;
import org.titlecert.verification.VerificationService;

/**
 * The individual's rights over their data, across the services that hold it, each scoping it as always: 导出我的数据
 * and 注销账号.
 */
@Component(service = PrivacyCentre.class)
public class PrivacyDesk implements PrivacyCentre {

    private static final int MAX_PAGES = 100;

    @Reference
    private RegistrationService registration;

    @Reference
    private FilingService filings;

    @Reference
    private CertificateService certificates;

    @Reference
    private PhotoService photos;

    @Reference
    private NoticeService notices;

    @Reference
    private VerificationService verification;

    @Reference
    private AuditLog audit;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformClock clock;

    @Override
    public PersonalData export(Caller individual) {
        PersonalData data = gather(individual);
        audit.record(individual, "PERSONAL_DATA_EXPORT", "account:" + individual.principal(), Outcome.SUCCESS, "JSON");
        return data;
    }

    @Override
    public byte[] exportPdf(Caller individual) {
        PersonalData data = gather(individual);
        Optional<byte[]> photo = data.photo() == null ? Optional.empty()
                : Optional.of(photos.get(individual, individual.personId()).jpeg());
        try (PdfText pdf = new PdfText("个人信息导出")) {
            write(pdf, data, photo);
            byte[] bytes = pdf.toBytes();
            audit.record(individual, "PERSONAL_DATA_EXPORT", "account:" + individual.principal(), Outcome.SUCCESS, "PDF");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void closeAccount(Caller individual, String password, String confirmation, String address) {
        if (individual.role() != Role.INDIVIDUAL) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅个人用户可以注销账号");
        }
        if (!CLOSE_CONFIRMATION.equals(confirmation == null ? null : confirmation.strip())) {
            throw TitleCertException.invalid("CLOSURE_NOT_CONFIRMED", "请输入“" + CLOSE_CONFIRMATION + "”确认注销账号",
                    List.of(Violation.field("confirmation", "请输入“" + CLOSE_CONFIRMATION + "”")));
        }
        registration.confirmClosure(individual, password, address);
        // what refers to the account first, the account last: an interruption leaves an account to close again
        verification.eraseMine(individual);
        notices.eraseMine(individual);
        registration.closeAccount(individual);
    }

    private PersonalData gather(Caller c) {
        if (c.role() != Role.INDIVIDUAL) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅限个人用户导出本人数据");
        }
        Long person = c.personId();
        List<PersonTitle> titles = person == null ? List.of() : filings.titles(c, person);
        PhotoInfo photo = person == null ? null : photos.info(c, person).orElse(null);
        List<Notice> messages = all(p -> notices.mine(c, p));
        List<CheckRecord> checks = all(p -> verification.checks(c, p));
        return new PersonalData(clock.clock().instant(), registration.profile(c), titles, certificates.mine(c), photo,
                messages, checks, verification.shareCodes(c));
    }

    private static <T> List<T> all(java.util.function.Function<PageRequest, Page<T>> pages) {
        List<T> all = new ArrayList<>();
        for (int p = 1; p <= MAX_PAGES; p++) {
            Page<T> page = pages.apply(new PageRequest(p, PageRequest.MAX_SIZE));
            all.addAll(page.items());
            if ((long) p * PageRequest.MAX_SIZE >= page.total()) {
                break;
            }
        }
        return all;
    }

    private void write(PdfText pdf, PersonalData d, Optional<byte[]> photo) throws IOException {
        pdf.paragraph("导出时间：" + time(d.exportedAt()) + "。本文件包含本平台保存的您的全部个人信息，请妥善保管。");
        Profile p = d.profile();
        pdf.heading("基本信息");
        pdf.field("真实姓名", p.realName());
        pdf.field("身份证号码", p.idNumber());
        pdf.field("手机号码", p.mobile());
        pdf.field("性别", p.gender());
        pdf.field("出生日期", p.birthDate());
        pdf.field("政治面貌", p.politicalStatus());
        pdf.field("民族", p.ethnicity());
        pdf.field("电子邮箱", p.email());
        pdf.field("通讯地址", p.address());
        pdf.field("工作时间", p.workStartDate());
        pdf.field("最高学历", p.education());
        pdf.field("获得学位", p.degree());
        pdf.field("职称名称", p.titleName());
        pdf.field("技能等级", p.skillLevel());
        pdf.field("固定电话", p.landline());
        pdf.heading("个人电子证件照片");
        if (photo.isPresent()) {
            pdf.image(photo.get(), 90);
            pdf.field("上传时间", time(d.photo().uploadedAt()));
        } else {
            pdf.paragraph("未上传。");
        }
        pdf.heading("我的职称（" + d.titles().size() + "）");
        for (PersonTitle t : d.titles()) {
            pdf.field("职称", t.titleName() + "（" + t.level() + "）");
            pdf.field("系列/专业", t.series() + " / " + t.specialty());
            pdf.field("工作单位", t.employer());
            pdf.field("取得时间", t.qualificationDate());
            pdf.field("批复文号", t.approvalNumber());
            pdf.field("评审组织", t.committee() == null ? null : t.committee().name());
            pdf.paragraph("");
        }
        pdf.heading("电子证书（" + d.certificates().size() + "）");
        for (Certificate c : d.certificates()) {
            pdf.field("证书编号", c.certificateNumber());
            pdf.field("状态", c.status().label() + "，" + c.validity().label()
                    + (c.revokedReason() == null ? "" : "（" + c.revokedReason() + "）"));
            pdf.field("版本", c.version() == 0 ? "—" : "第 " + c.version() + " 版，生成于 " + time(c.generatedAt()));
            pdf.paragraph("");
        }
        pdf.heading("查验记录（" + d.checks().size() + "）");
        for (CheckRecord r : d.checks()) {
            pdf.paragraph(time(r.at()) + "  " + r.certificateNumber() + "  " + r.channel().label()
                    + (r.organization() == null ? "" : "  " + r.organization()));
        }
        pdf.heading("授权码（" + d.shareCodes().size() + "）");
        for (var s : d.shareCodes()) {
            pdf.paragraph("****-****-" + s.hint() + "  生成于 " + time(s.createdAt()) + "  有效期至 "
                    + time(s.expiresAt()) + "  " + s.status().label() + "  使用 " + s.uses() + " 次");
        }
        pdf.heading("我的消息（" + d.notices().size() + "）");
        for (Notice n : d.notices()) {
            pdf.field(time(n.createdAt()).substring(0, 10), n.title() + "：" + n.body());
        }
    }

    private String time(Instant t) {
        return t == null ? "—" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(ZonedDateTime.ofInstant(t, clock.zone()));
    }
}
