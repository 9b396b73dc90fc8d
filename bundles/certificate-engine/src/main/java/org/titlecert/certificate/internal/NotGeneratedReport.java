package org.titlecert.certificate.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.Scopes;
import org.titlecert.api.SpreadsheetText;
import org.titlecert.api.TitleCertException;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.certificate.Certificate;
import org.titlecert.certificate.CertificateService;
import org.titlecert.certificate.FilingReports;
import org.titlecert.certificate.GenerationStatus;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.PersonTitle;
import org.titlecert.identity.Contact;
import org.titlecert.identity.ContactDirectory;

/** 导出未生成名单: the people of a filing without a certificate, why, and their contacts, as XLSX. */
@Component(service = FilingReports.class)
public class NotGeneratedReport implements FilingReports {

    private static final int PAGE = 200;
    private static final String[] HEADER = {"序号", "证书编号", "姓名", "身份证号码", "工作单位", "职称名称", "生成状态", "原因",
            "已注册账号", "手机号码", "电子邮箱"};

    private final CertificateService certificates;
    private final FilingService filings;
    private final ContactDirectory contacts;
    private final AuditLog audit;

    @Activate
    public NotGeneratedReport(@Reference CertificateService certificates, @Reference FilingService filings,
                              @Reference ContactDirectory contacts, @Reference AuditLog audit) {
        this.certificates = certificates;
        this.filings = filings;
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    public Spreadsheet notGenerated(Caller caller, long filingId) {
        Access.requireAdmin(caller, Scopes.CERTIFICATES_READ);
        Filing f = filings.get(caller, filingId);
        if (f.status() != FilingStatus.APPROVED) {
            throw TitleCertException.conflict("FILING_NOT_APPROVED", "该批复备案尚未审核通过，没有证书");
        }
        List<Certificate> rows = new ArrayList<>();
        for (GenerationStatus s : List.of(GenerationStatus.NOT_GENERATED, GenerationStatus.FAILED)) {
            for (int page = 1; ; page++) {
                Page<Certificate> p = certificates.byFiling(caller, filingId, s, null, new PageRequest(page, PAGE));
                rows.addAll(p.items());
                if (p.items().size() < PAGE) {
                    break;
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(Certificate::certificateNumber));
        Map<Long, PersonTitle> titles = new HashMap<>();
        filings.filingTitles(caller, filingId).forEach(t -> titles.put(t.rosterEntryId(), t));
        Map<Long, Contact> reach = contacts.contacts(caller, rows.stream().map(Certificate::personId).toList());
        audit.record(caller, "NOT_GENERATED_EXPORT", "filing:" + filingId, Outcome.SUCCESS, rows.size() + " 人");
        return new Spreadsheet() {
            @Override
            public String fileName() {
                return "未生成名单_" + f.approvalNumber() + ".xlsx";
            }

            @Override
            public int rows() {
                return rows.size();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                write(out, rows, titles, reach);
            }
        };
    }

    private static void write(OutputStream out, List<Certificate> rows, Map<Long, PersonTitle> titles,
                              Map<Long, Contact> reach) throws IOException {
        Workbook wb = new Workbook(out, "TitleCert", "1.0");
        Worksheet ws = wb.newWorksheet("未生成名单");
        for (int c = 0; c < HEADER.length; c++) {
            ws.value(0, c, HEADER[c]);
        }
        ws.range(0, 0, 0, HEADER.length - 1).style().bold().fillColor("E8F0FB").set();
        int r = 1;
        for (Certificate c : rows) {
            PersonTitle t = titles.get(c.rosterEntryId());
            Contact who = reach.get(c.personId());
            String[] cells = {String.valueOf(r), c.certificateNumber(), c.personName(), c.maskedIdNumber(),
                    t == null ? "" : t.employer(), c.titleName(), c.status().label(),
                    c.failureReason() == null ? "" : c.failureReason(), who == null ? "否" : "是",
                    who == null || who.mobile() == null ? "" : who.mobile(),
                    who == null || who.email() == null ? "" : who.email()};
            for (int i = 0; i < cells.length; i++) {
                // a cell a spreadsheet would take for a formula is written as text
                ws.value(r, i, i == 0 ? cells[i] : SpreadsheetText.safe(cells[i]));
            }
            r++;
        }
        int[] widths = {6, 22, 10, 22, 28, 14, 10, 24, 10, 14, 26};
        for (int i = 0; i < widths.length; i++) {
            ws.width(i, widths[i]);
        }
        ws.freezePane(0, 1);
        wb.finish();
    }
}
