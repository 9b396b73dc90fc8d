package org.titlecert.identity.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;
import org.titlecert.api.Violation;
import org.titlecert.audit.AuditLog;
import org.titlecert.audit.Outcome;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.identity.NewSecret;
import org.titlecert.identity.PasswordResets;
import org.titlecert.jpa.Transactions;
import org.titlecert.notice.Message;
import org.titlecert.notice.NoticeKind;
import org.titlecert.notice.NoticeService;
import org.titlecert.notice.Recipient;

/**
 * 忘记密码: a single-use link, valid for 30 minutes, e-mailed through the notices' e-mail channel (only the SHA-256
 * of its token is stored), at most one every five minutes per account; or a one-time password from the person's
 * unit. Either way the account's sessions end.
 */
@Component(service = PasswordResets.class)
public class JpaPasswordResets implements PasswordResets {

    private final Transactions jpa;
    private final JpaIdentityService identity;
    private final Captchas captchas;
    private final Sessions sessions;
    private final PersonDirectory persons;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    /** The e-mail channel's way out; without the notices, links cannot be sent and only units can reset. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NoticeService notices;

    @Activate
    public JpaPasswordResets(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                             @Reference org.titlecert.identity.IdentityService identity, @Reference Captchas captchas,
                             @Reference Sessions sessions, @Reference PersonDirectory persons,
                             @Reference AuditLog audit) {
        this.jpa = new Transactions(emf);
        this.identity = (JpaIdentityService) identity;
        this.captchas = captchas;
        this.sessions = sessions;
        this.persons = persons;
        this.audit = audit;
    }

    @Override
    public void request(String login, String captchaId, String captchaAnswer, String baseUrl, String address) {
        String l = login == null ? "" : login.strip().toUpperCase();
        if (l.isEmpty()) {
            throw TitleCertException.invalid("LOGIN_REQUIRED", "请输入身份证号码或手机号码",
                    List.of(Violation.field("login", "请输入身份证号码或手机号码")));
        }
        if (!captchas.solve(captchaId, captchaAnswer)) {
            throw TitleCertException.invalid("CAPTCHA_INVALID", "验证码错误，请重新输入",
                    List.of(Violation.field("captcha", "验证码错误")));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String token = Secrets.token(32);
        // what is found decides what is sent, never the answer: an unknown login is answered alike
        Optional<Object[]> found = jpa.call(em -> account(em, l).filter(a -> a.getPasswordHash() != null)
                .flatMap(a -> email(em, a.getId()).map(e -> new Object[] {a, e}))
                .filter(x -> recent(em, ((AccountEntity) x[0]).getId(), now) == 0)
                .map(x -> {
                    AccountEntity a = (AccountEntity) x[0];
                    em.persist(new PasswordResetEntity(Secrets.sha256(token), a.getId(), now, now.plus(ResetLinks.VALID)));
                    return x;
                }));
        NoticeService n = notices;
        if (found.isEmpty() || n == null) {
            audit.recordAnonymous(l, address, "PASSWORD_RESET_REQUEST", null, Outcome.DENIED,
                    found.isEmpty() ? "无可用的账号或邮箱，或 5 分钟内已发送" : "未配置消息服务");
            return;
        }
        AccountEntity a = (AccountEntity) found.get()[0];
        String link = baseUrl + "/password/reset?token=" + token;
        boolean queued = n.send("email", new Recipient(a.getPersonId() == null ? 0 : a.getPersonId(), null, null,
                        (String) found.get()[1]), new Message("reset:" + Secrets.sha256(token).substring(0, 32),
                        a.getPersonId() == null ? 0 : a.getPersonId(), 0, NoticeKind.PASSWORD_RESET, "重置登录密码",
                        "您（或他人）申请重置本平台的登录密码。请在 30 分钟内打开下面的链接设置新密码；链接只能使用一次。"
                                + "如非本人操作，请忽略本邮件，您的密码不会改变。", link));
        audit.recordAnonymous(l, address, "PASSWORD_RESET_REQUEST", "account:" + a.getId(),
                queued ? Outcome.SUCCESS : Outcome.FAILURE, queued ? "重置链接已发送" : "未配置邮件通道");
    }

    @Override
    public boolean usable(String token) {
        return token != null && jpa.call(em -> Optional.ofNullable(em.find(PasswordResetEntity.class,
                Secrets.sha256(token))).filter(r -> r.usableAt(LocalDateTime.now(clock))).isPresent());
    }

    @Override
    public void reset(String token, String newPassword, String address) {
        LocalDateTime now = LocalDateTime.now(clock);
        AccountEntity account = jpa.call(em -> {
            PasswordResetEntity r = token == null ? null : em.find(PasswordResetEntity.class, Secrets.sha256(token));
            if (r == null || !r.usableAt(now)) {
                throw TitleCertException.invalid("RESET_LINK_INVALID", "重置链接无效、已使用或已过期，请重新申请");
            }
            return em.find(AccountEntity.class, r.getAccountId());
        });
        Accounts.passwordProblem(newPassword, account.getLogin(), account.getMobile()).ifPresent(p -> {
            throw TitleCertException.invalid("PASSWORD_INVALID", p, List.of(Violation.field("newPassword", p)));
        });
        String hash = identity.hasher().hash(newPassword);
        jpa.run(em -> {
            // used up in the same statement that checks it: two clicks on one link set one password
            int used = em.createQuery("UPDATE PasswordResetEntity r SET r.usedAt = :now WHERE r.tokenHash = :t "
                            + "AND r.usedAt IS NULL AND r.expiresAt > :now").setParameter("now", now)
                    .setParameter("t", Secrets.sha256(token)).executeUpdate();
            if (used == 0) {
                throw TitleCertException.invalid("RESET_LINK_INVALID", "重置链接无效、已使用或已过期，请重新申请");
            }
            AccountEntity a = em.find(AccountEntity.class, account.getId());
            a.setPasswordHash(hash);
            a.setOneTimePasswordAt(null);
            sessions.closeAll(em, a.getId());
        });
        audit.recordAnonymous(account.getLogin(), address, "PASSWORD_RESET", "account:" + account.getId(),
                Outcome.SUCCESS, "通过邮件链接重置，其他登录已退出");
    }

    @Override
    public NewSecret resetByUnit(Caller caller, long personId) {
        if (!caller.isAdmin() || !caller.isSystem() && !persons.unitMayRead(personId, caller.unitId())) {
            throw TitleCertException.notFound("ACCOUNT_NOT_FOUND", "该人员没有本平台的登录账号");
        }
        String password = Secrets.password(14);
        String hash = identity.hasher().hash(password);
        AccountEntity a = jpa.call(em -> {
            AccountEntity account = em.createQuery("SELECT a FROM AccountEntity a WHERE a.personId = :p "
                            + "AND a.role = :r AND a.passwordHash IS NOT NULL", AccountEntity.class)
                    .setParameter("p", personId).setParameter("r", Role.INDIVIDUAL).setMaxResults(1).getResultList()
                    .stream().findFirst().orElseThrow(() -> TitleCertException.notFound("ACCOUNT_NOT_FOUND",
                            "该人员没有本平台的本地账号（未注册，或只通过统一身份认证登录）"));
            account.setPasswordHash(hash);
            account.setOneTimePasswordAt(LocalDateTime.now(clock));
            sessions.closeAll(em, account.getId());
            return account;
        });
        audit.record(caller, "INDIVIDUAL_PASSWORD_RESET", "account:" + a.getId(), Outcome.SUCCESS, "person:" + personId);
        return new NewSecret(a.getId(), a.getLogin(), password);
    }

    private static Optional<AccountEntity> account(EntityManager em, String login) {
        return Accounts.byLogin(em, login).or(() -> Accounts.byMobile(em, login))
                .filter(a -> a.getRole() == Role.INDIVIDUAL && a.isEnabled());
    }

    private static Optional<String> email(EntityManager em, long accountId) {
        return em.createQuery("SELECT p.email FROM ProfileEntity p WHERE p.accountId = :a", String.class)
                .setParameter("a", accountId).getResultList().stream()
                .filter(e -> e != null && !e.isBlank()).findFirst();
    }

    private static long recent(EntityManager em, long accountId, LocalDateTime now) {
        return em.createQuery("SELECT COUNT(r) FROM PasswordResetEntity r WHERE r.accountId = :a AND r.createdAt > :t",
                Long.class).setParameter("a", accountId).setParameter("t", now.minus(ResetLinks.EVERY)).getSingleResult();
    }
}
