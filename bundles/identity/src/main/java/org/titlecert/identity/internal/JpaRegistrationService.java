package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titlecert.api.Caller;
import org.titlecert.api.Gender;
import org.titlecert.api.Page;
import org.titlecert.api.PageRequest;
import org.titlecert.api.PlatformClock;
import org.titlecert.api.ResidentId;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.OrganizationService;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.identity.IdentityService;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.PendingIndividual;
import org.titlecert.identity.Profile;
import org.titlecert.identity.ProfileOptions;
import org.titlecert.identity.RegistrationService;
import org.titlecert.jpa.Transactions;

/** The registration form (个人注册) and the confirmation of self-registered individuals. */
@Component(service = RegistrationService.class)
public class JpaRegistrationService implements RegistrationService {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?");

    private final Transactions jpa;
    private final AuditLog audit;
    private final OrganizationService organizations;
    private final PersonDirectory persons;
    private final JpaIdentityService identity;
    private final Clock utc = Clock.systemUTC();

    /** Today, in the platform's zone. */
    @Reference(policyOption = ReferencePolicyOption.GREEDY, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformClock clock;

    @Activate
    public JpaRegistrationService(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                                  @Reference AuditLog audit, @Reference OrganizationService organizations,
                                  @Reference PersonDirectory persons, @Reference IdentityService identity) {
        this.jpa = new Transactions(emf);
        this.audit = audit;
        this.organizations = organizations;
        this.persons = persons;
        this.identity = (JpaIdentityService) identity;
    }

    @Override
    public Profile profile(Caller caller) {
        return jpa.call(em -> {
            AccountEntity a = Accounts.individual(em, caller);
            ProfileEntity p = em.find(ProfileEntity.class, a.getId());
            return p == null ? new Profile(null, a.getLogin(), a.getMobile(), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, Set.of("idNumber"), false) : p.toDto(a.isRegistered());
        });
    }

    @Override
    public Profile save(Caller caller, Profile form) {
        Profile saved = jpa.call(em -> {
            AccountEntity a = Accounts.individual(em, caller);
            ProfileEntity p = em.find(ProfileEntity.class, a.getId());
            if (p == null) {
                p = new ProfileEntity(a.getId());
                p.setReadOnly(Set.of("idNumber"));
                em.persist(p);
            }
            Profile current = p.toDto(a.isRegistered());
            List<Violation> v = validate(form);
            for (String field : current.readOnly()) {
                if (!Objects.equals(value(current, field), value(form, field))) {
                    v.add(Violation.field(field, "该项来自统一身份认证或注册信息，不能修改"));
                }
            }
            if (!v.isEmpty()) {
                throw TitleCertException.invalid("PROFILE_INVALID", "请按提示修改后再提交", v);
            }
            p.apply(form);
            // the mobile doubles as a login only while no other account holds it; the answer does not say which
            boolean mobileFree = Accounts.byMobile(em, form.mobile()).filter(o -> o.getId() != a.getId()).isEmpty();
            if (mobileFree) {
                a.setMobile(form.mobile());
            }
            a.setDisplayName(form.realName().strip());
            a.setRegistered(true);
            a.setRejectedReason(null);
            return p.toDto(true);
        });
        audit.record(caller, "REGISTRATION", null, Outcome.SUCCESS, "个人注册信息");
        return saved;
    }

    private List<Violation> validate(Profile f) {
        List<Violation> v = new ArrayList<>();
        if (f == null) {
            v.add(Violation.field("form", "请填写个人注册信息"));
            return v;
        }
        required(v, "realName", f.realName(), "真实姓名");
        if (f.realName() != null && (f.realName().strip().length() > 30
                || !f.realName().strip().codePoints().allMatch(cp -> Character.isLetter(cp) || cp == '·'))) {
            v.add(Violation.field("realName", "真实姓名只能包含文字和“·”"));
        }
        Optional<String> idProblem = ResidentId.problem(f.idNumber());
        idProblem.ifPresent(p -> v.add(Violation.field("idNumber", p)));
        if (!Accounts.validMobile(f.mobile())) {
            v.add(Violation.field("mobile", "请输入 11 位手机号码"));
        }
        Gender g = Gender.parse(f.gender());
        if (g == null) {
            v.add(Violation.field("gender", "请选择性别"));
        }
        if (f.birthDate() == null) {
            v.add(Violation.field("birthDate", "请填写出生日期"));
        }
        if (idProblem.isEmpty()) {
            ResidentId id = ResidentId.parse(f.idNumber());
            if (g != null && g != id.gender()) {
                v.add(Violation.field("gender", "性别与身份证号码不一致"));
            }
            if (f.birthDate() != null && !f.birthDate().equals(id.birthDate())) {
                v.add(Violation.field("birthDate", "出生日期与身份证号码不一致"));
            }
        }
        choice(v, "politicalStatus", f.politicalStatus(), ProfileOptions.POLITICAL_STATUS, "政治面貌");
        choice(v, "ethnicity", f.ethnicity(), ProfileOptions.ETHNICITY, "民族");
        if (f.email() == null || !EMAIL.matcher(f.email().strip()).matches()) {
            v.add(Violation.field("email", "请输入有效的电子邮箱"));
        }
        required(v, "address", f.address(), "通讯地址");
        if (f.address() != null && f.address().length() > 200) {
            v.add(Violation.field("address", "通讯地址不能超过 200 字"));
        }
        LocalDate today = clock.today();
        if (f.workStartDate() == null) {
            v.add(Violation.field("workStartDate", "请填写工作时间"));
        } else if (f.workStartDate().isAfter(today)
                || f.birthDate() != null && f.workStartDate().isBefore(f.birthDate().plusYears(14))) {
            v.add(Violation.field("workStartDate", "工作时间不合理"));
        }
        choice(v, "education", f.education(), ProfileOptions.EDUCATION, "最高学历");
        optionalText(v, "titleName", f.titleName(), "职称名称", 50);
        optionalText(v, "skillLevel", f.skillLevel(), "技能等级", 50);
        if (f.degree() != null && !f.degree().isBlank() && !ProfileOptions.DEGREE.contains(f.degree())) {
            v.add(Violation.field("degree", "请选择获得学位"));
        }
        if (f.landline() != null && !f.landline().isBlank() && !LANDLINE.matcher(f.landline().strip()).matches()) {
            v.add(Violation.field("landline", "固定电话格式如 0551-12345678"));
        }
        if (f.employerUnitId() != null && organizations.unit(f.employerUnitId()).isEmpty()) {
            v.add(Violation.field("employerUnitId", "请选择所在单位，或选择“否”"));
        }
        return v;
    }

    private static void required(List<Violation> v, String field, String value, String label) {
        if (value == null || value.isBlank()) {
            v.add(Violation.field(field, "请填写" + label));
        }
    }

    private static void choice(List<Violation> v, String field, String value, List<String> options, String label) {
        if (value == null || !options.contains(value)) {
            v.add(Violation.field(field, "请选择" + label));
        }
    }

    private static void optionalText(List<Violation> v, String field, String value, String label, int max) {
        if (value != null && value.length() > max) {
            v.add(Violation.field(field, label + "不能超过 " + max + " 字"));
        }
    }

    private static Object value(Profile p, String field) {
        if (p == null) {
            return null;
        }
        return switch (field) {
            case "realName" -> p.realName();
            case "idNumber" -> p.idNumber();
            case "mobile" -> p.mobile();
            default -> null;
        };
    }

    @Override
    public NewSecret provision(Caller caller, Profile profile) {
        if (!caller.isSystem()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅系统管理员可以创建个人账号");
        }
        List<Violation> v = validate(profile);
        if (!v.isEmpty()) {
            throw TitleCertException.invalid("PROFILE_INVALID", v.get(0).reason(), v);
        }
        String id = ResidentId.parse(profile.idNumber()).value();
        long person = persons.personId(id);
        String password = Secrets.password(12);
        String hash = identity.hasher().hash(password);
        long accountId;
        try {
            accountId = jpa.call(em -> {
                if (Accounts.byLogin(em, id).isPresent() || Accounts.byMobile(em, profile.mobile()).isPresent()) {
                    throw TitleCertException.conflict("ACCOUNT_EXISTS", "该身份证号码或手机号码已有账号");
                }
                AccountEntity a = new AccountEntity(id, Role.INDIVIDUAL, LocalDateTime.now(utc));
                a.setMobile(profile.mobile());
                a.setPasswordHash(hash);
                a.setPersonId(person);
                a.setIdVerified(true);
                a.setRegistered(true);
                a.setDisplayName(profile.realName());
                em.persist(a);
                em.flush();
                ProfileEntity p = new ProfileEntity(a.getId());
                p.apply(profile);
                p.setReadOnly(Set.of("idNumber"));
                em.persist(p);
                return a.getId();
            });
        } catch (PersistenceException e) {
            throw TitleCertException.conflict("ACCOUNT_EXISTS", "该身份证号码或手机号码已有账号");
        }
        audit.record(caller, "ACCOUNT_CREATE", "account:" + accountId, Outcome.SUCCESS, "个人账号 " + id);
        return new NewSecret(accountId, id, password);
    }

    @Override
    public Page<PendingIndividual> pending(Caller caller, PageRequest page) {
        requireAdmin(caller);
        Long unit = caller.isSystem() ? null : caller.unitId();
        String where = " FROM AccountEntity a, ProfileEntity p WHERE p.accountId = a.id AND a.role = :r "
                + "AND a.idVerified = false AND a.registered = true AND a.rejectedReason IS NULL"
                + (unit == null ? "" : " AND p.employerUnitId = :u");
        return jpa.call(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class).setParameter("r", Role.INDIVIDUAL);
            TypedQuery<Object[]> rows = em.createQuery("SELECT a, p" + where + " ORDER BY a.createdAt, a.id", Object[].class)
                    .setParameter("r", Role.INDIVIDUAL);
            if (unit != null) {
                count.setParameter("u", unit);
                rows.setParameter("u", unit);
            }
            List<PendingIndividual> items = rows.setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultList().stream().map(r -> pendingOf(caller, (AccountEntity) r[0], (ProfileEntity) r[1]))
                    .toList();
            return new Page<>(items, count.getSingleResult(), page.page(), page.size());
        });
    }

    private PendingIndividual pendingOf(Caller caller, AccountEntity a, ProfileEntity p) {
        boolean onRoster = caller.unitId() == null || a.getPersonId() != null
                && persons.inRosterOfUnit(a.getPersonId(), caller.unitId());
        return new PendingIndividual(a.getId(), p.getRealName(), a.getLogin(), a.getMobile(),
                a.getCreatedAt().toInstant(ZoneOffset.UTC), p.getEmployerUnitId(), onRoster);
    }

    @Override
    public void confirm(Caller caller, long accountId) {
        requireAdmin(caller);
        jpa.run(em -> {
            AccountEntity a = reviewable(em, caller, accountId);
            // a unit confirms only those still waiting; a system admin may also widen a unit's confirmation
            boolean waiting = !a.isIdVerified() || caller.isSystem() && a.getUnitId() != null;
            if (!waiting) {
                throw TitleCertException.conflict("ACCOUNT_ALREADY_CONFIRMED", "该人员的身份已经确认");
            }
            a.setIdVerified(true);
            a.setRejectedReason(null);
            // a unit vouches only for its own records: the account then holds that unit's certificates alone
            a.setUnitId(caller.isSystem() ? null : caller.unitId());
        });
        audit.record(caller, "INDIVIDUAL_CONFIRM", "account:" + accountId, Outcome.SUCCESS, null);
    }

    @Override
    public void reject(Caller caller, long accountId, String reason) {
        requireAdmin(caller);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw TitleCertException.invalid("REASON_REQUIRED", "请填写驳回原因（不超过 200 字）",
                    List.of(Violation.field("reason", "请填写驳回原因（不超过 200 字）")));
        }
        jpa.run(em -> {
            AccountEntity a = reviewable(em, caller, accountId);
            if (a.isIdVerified()) {
                throw TitleCertException.conflict("ACCOUNT_ALREADY_CONFIRMED", "该人员的身份已经确认");
            }
            a.setRejectedReason(why);
        });
        audit.record(caller, "INDIVIDUAL_REJECT", "account:" + accountId, Outcome.SUCCESS, why);
    }

    @Override
    public void confirmClosure(Caller caller, String password, String address) {
        AccountEntity a = jpa.call(em -> Accounts.individual(em, caller));
        if (a.getPasswordHash() != null) {
            identity.checkPassword(caller, a, password, "ACCOUNT_CLOSE", "password", "密码不正确", address);
        }
    }

    @Override
    public void closeAccount(Caller caller) {
        long id = jpa.call(em -> {
            AccountEntity a = Accounts.individual(em, caller);
            ProfileEntity p = em.find(ProfileEntity.class, a.getId());
            if (p != null) {
                em.remove(p);
            }
            em.createQuery("DELETE FROM PasswordResetEntity r WHERE r.accountId = :a").setParameter("a", a.getId())
                    .executeUpdate();
            identity.sessions().closeAll(em, a.getId());
            em.remove(a);
            return a.getId();
        });
        audit.record(caller, "ACCOUNT_CLOSE", "account:" + id, Outcome.SUCCESS, "账号及注册信息已删除");
    }

    @Override
    public void consentToPrivacyNotice(Caller caller) {
        if (caller.role() != Role.INDIVIDUAL) {
            throw TitleCertException.forbidden("INDIVIDUALS_ONLY", "仅个人用户需要同意个人信息保护告知书");
        }
        jpa.run(em -> Accounts.individual(em, caller).consent(LocalDateTime.now(utc)));
        audit.record(caller, "PRIVACY_CONSENT", caller.principal(), Outcome.SUCCESS,
                "个人信息保护告知书 " + org.titlecert.identity.PrivacyNotice.VERSION);
    }

    @Override
    public Optional<String> rejection(Caller caller) {
        if (caller.role() != Role.INDIVIDUAL) {
            return Optional.empty();
        }
        return jpa.call(em -> Optional.ofNullable(Accounts.individual(em, caller).getRejectedReason()));
    }

    private AccountEntity reviewable(EntityManager em, Caller caller, long accountId) {
        AccountEntity a = em.find(AccountEntity.class, accountId);
        if (a == null || a.getRole() != Role.INDIVIDUAL || !mayConfirm(em, caller, a)) {
            throw TitleCertException.notFound("ACCOUNT_NOT_FOUND", "账号不存在");
        }
        return a;
    }

    /**
     * System admins review anyone; a unit admin reviews those who chose the unit on their form and people on its
     * own rosters. The account a unit confirms holds only that unit's records (see {@link Caller#unitId()}).
     */
    private boolean mayConfirm(EntityManager em, Caller caller, AccountEntity a) {
        if (caller.isSystem()) {
            return true;
        }
        if (caller.unitId() == null) {
            return false;
        }
        ProfileEntity p = em.find(ProfileEntity.class, a.getId());
        return p != null && caller.unitId().equals(p.getEmployerUnitId())
                || a.getPersonId() != null && persons.inRosterOfUnit(a.getPersonId(), caller.unitId());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅管理人员可以审核个人注册");
        }
    }
}
