package org.titlecert.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titlecert.api.Caller;
import org.titlecert.api.DemoMode;
import org.titlecert.api.PageRequest;
import org.titlecert.filing.Committee;
import org.titlecert.filing.Filing;
import org.titlecert.filing.FilingDraft;
import org.titlecert.filing.FilingQuery;
import org.titlecert.filing.FilingService;
import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.ImportMode;
import org.titlecert.filing.IssuingAuthority;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.OrganizingUnit;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.photo.PhotoEdit;
import org.titlecert.photo.PhotoService;
import org.titlecert.identity.AdminAccountService;
import org.titlecert.identity.ApiKeyService;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.VerifierService;
import org.titlecert.identity.RegistrationService;

/**
 * Loads the demo catalog through the public services, exactly as a unit and the HR department
 * would enter it. Every step first looks for its result, so a restart never loads anything twice
 * and an interrupted load completes on the next start. A database that already holds other data
 * is left alone.
 */
@Component(immediate = true, configurationPid = DemoConfig.PID, service = DemoMode.class)
@Designate(ocd = DemoConfig.class)
public class DemoDataLoader implements DemoMode {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final Caller DEMO = Caller.system("demo-data");

    @Reference
    private OrganizationService organizations;

    @Reference
    private FilingService filings;

    @Reference
    private AdminAccountService admins;

    @Reference
    private ApiKeyService apiKeys;

    @Reference
    private RegistrationService registration;

    @Reference
    private IdentityService identity;

    @Reference
    private VerifierService verifiers;

    @Reference
    private PersonDirectory persons;

    @Reference
    private PhotoService photos;

    @Activate
    void activate(DemoConfig config) throws IOException {
        if (!config.enabled()) {
            return;
        }
        LOG.warn(NOTICE);
        System.out.println("【" + NOTICE + "】");
        String firstUnit = DemoCatalog.UNITS.get(0).code();
        if (!organizations.units().isEmpty() && organizations.unitByCode(firstUnit).isEmpty()) {
            LOG.info("Demo data skipped: the database already holds other data");
            return;
        }
        long started = System.nanoTime();
        boolean fresh = organizations.units().isEmpty();
        List<DemoAccounts.Individual> individuals = load();
        if (fresh) {
            Map<String, Long> unitIds = new java.util.LinkedHashMap<>();
            DemoCatalog.UNITS.forEach(u -> unitIds.put(u.code(), organizations.unitByCode(u.code()).orElseThrow().id()));
            Path file = Path.of(System.getProperty("karaf.data", "data"), "demo-accounts.txt");
            DemoAccounts.create(DEMO, admins, apiKeys, registration, identity, verifiers, unitIds, individuals, file);
            LOG.info("Demo accounts are listed in {}", file);
            DemoSeals.create(Path.of(System.getProperty("karaf.etc", "etc")),
                    Path.of(System.getProperty("karaf.data", "data")));
            LOG.info("Demo e-seals configured for {}", DemoCatalog.UNITS.get(0).name());
        }
        LOG.info("Demo data ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Loads what is missing; returns the people who get demo accounts: the first of each approved filing. */
    List<DemoAccounts.Individual> load() throws IOException {
        List<DemoAccounts.Individual> individuals = new ArrayList<>();
        Map<String, DemoPeople.Person> approved = new java.util.LinkedHashMap<>();
        Map<String, Ids> units = new HashMap<>();
        for (DemoCatalog.Unit u : DemoCatalog.UNITS) {
            units.put(u.code(), ensureUnit(u));
        }
        ApprovalDocumentPdf pdf = new ApprovalDocumentPdf();
        DemoPeople people = new DemoPeople(20211220L);
        Map<String, List<DemoPeople.Person>> previous = new HashMap<>();
        for (DemoCatalog.Filing spec : DemoCatalog.FILINGS) {
            DemoCatalog.Unit unit = DemoCatalog.UNITS.stream().filter(u -> u.code().equals(spec.unitCode()))
                    .findFirst().orElseThrow();
            List<DemoPeople.Person> roster = new ArrayList<>(
                    previous.getOrDefault(unit.code(), List.of()).subList(0, spec.carryOver()));
            roster.addAll(people.next(spec.people() - spec.carryOver()));
            previous.put(unit.code(), roster);
            ensureFiling(spec, unit, units.get(unit.code()), roster, pdf);
            if (spec.status() == FilingStatus.APPROVED) {
                roster.forEach(p -> approved.put(p.idNumber(), p));
            }
            if (spec.status() == FilingStatus.APPROVED && spec.carryOver() == 0) {
                for (int i = 0; i < 2; i++) {
                    DemoPeople.Person p = roster.get(i);
                    individuals.add(new DemoAccounts.Individual(p, unit.code(),
                            unit.employers().get(i % unit.employers().size())));
                }
            }
        }
        photographs(approved, individuals);
        return individuals;
    }

    /**
     * ID photos for most people with approved titles, so that their certificates are generated. The demo
     * individuals and every seventh person have none: their certificates show 未生成 until a photo comes.
     */
    private void photographs(Map<String, DemoPeople.Person> approved, List<DemoAccounts.Individual> individuals) {
        java.util.Set<String> withAccounts = new java.util.HashSet<>();
        individuals.forEach(i -> withAccounts.add(i.person().idNumber()));
        int n = 0;
        for (DemoPeople.Person p : approved.values()) {
            if (n++ % 7 == 3 || withAccounts.contains(p.idNumber())) {
                continue;
            }
            long personId = persons.find(p.idNumber()).orElseThrow();
            if (photos.info(DEMO, personId).isEmpty()) {
                photos.put(DEMO, personId, DemoPortraits.portrait(p.idNumber(), p.gender()), PhotoEdit.NONE);
            }
        }
    }

    private record Ids(long unit, long committee, long authority) {
    }

    private Ids ensureUnit(DemoCatalog.Unit u) {
        OrganizingUnit unit = organizations.unitByCode(u.code())
                .orElseGet(() -> organizations.createUnit(DEMO, u.code(), u.name()));
        Committee committee = organizations.committees().stream().filter(c -> c.code().equals(u.committeeCode()))
                .findFirst()
                .orElseGet(() -> organizations.createCommittee(DEMO, unit.id(), u.committeeCode(), u.committeeName(),
                        u.region()));
        IssuingAuthority authority = organizations.issuingAuthorities().stream()
                .filter(a -> a.code().equals(u.authorityCode())).findFirst()
                .orElseGet(() -> organizations.createIssuingAuthority(DEMO, u.authorityCode(), u.authorityName()));
        if (authority.creditCode() == null) {
            authority = organizations.updateIssuingAuthority(DEMO, authority.id(), authority.name(),
                    u.authorityCreditCode());
        }
        return new Ids(unit.id(), committee.id(), authority.id());
    }

    private void ensureFiling(DemoCatalog.Filing spec, DemoCatalog.Unit unit, Ids ids,
                              List<DemoPeople.Person> roster, ApprovalDocumentPdf pdf) throws IOException {
        Optional<Filing> found = filings.find(DEMO, new FilingQuery(null, spec.approvalNumber(), null, null, null,
                null, null, PageRequest.of(1, 5))).items().stream()
                .filter(f -> f.approvalNumber().equals(spec.approvalNumber())).findFirst();
        Filing f = found.orElseGet(() -> filings.create(DEMO, new FilingDraft(spec.name(), spec.approvalNumber(),
                spec.year(), spec.type(), ids.committee(), ids.authority())));
        if (!f.editable()) {
            return;
        }
        List<DemoCatalog.Qualification> quals = spec.qualifications();
        if (f.rosterSize() == 0) {
            StringBuilder csv = new StringBuilder("姓名,身份证号码,性别,出生日期,工作单位,系列,专业,职称名称,职称级别,取得时间\n");
            for (int i = 0; i < roster.size(); i++) {
                DemoPeople.Person p = roster.get(i);
                DemoCatalog.Qualification q = quals.get(i % quals.size());
                csv.append(String.join(",", p.name(), p.idNumber(), p.gender().label(), p.birthDate().toString(),
                        unit.employers().get(i % unit.employers().size()), q.series(), q.specialty(), q.titleName(),
                        q.level(), spec.qualified().toString())).append('\n');
            }
            filings.importRoster(DEMO, f.id(), csv.toString().getBytes(StandardCharsets.UTF_8), ImportMode.MERGE);
        }
        if (f.approvalDocument() == null) {
            List<String[]> lines = new ArrayList<>();
            for (int i = 0; i < roster.size(); i++) {
                lines.add(new String[] {String.format("%2d.", i + 1), roster.get(i).name(),
                    unit.employers().get(i % unit.employers().size()), quals.get(i % quals.size()).titleName()});
            }
            byte[] doc = pdf.render(new ApprovalDocumentPdf.Content(unit.authorityName(), spec.approvalNumber(),
                    unit.name(), spec.name(), unit.committeeName(), roster.size(), spec.qualified(), spec.approved(), lines));
            filings.putApprovalDocument(DEMO, f.id(), spec.approvalNumber() + ".pdf", new ByteArrayInputStream(doc));
        }
        if (spec.status() == FilingStatus.APPROVED) {
            filings.approve(DEMO, f.id(), spec.approved());
        } else if (spec.status() == FilingStatus.REJECTED) {
            filings.reject(DEMO, f.id(), spec.rejection());
        }
    }
}
