package org.titlecert.identity.internal;

import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.titlecert.api.Caller;
import org.titlecert.api.ResidentId;
import org.titlecert.api.Role;
import org.titlecert.api.TitleCertException;

/** Account lookups and the caller an account stands for, shared by the identity services. */
final class Accounts {

    private static final String INDIVIDUAL_PREFIX = "individual:";
    /** The login of an admin or a verifier account, and the rule as it is shown. */
    static final String ADMIN_LOGIN = "[A-Za-z][A-Za-z0-9_.-]{2,31}";
    static final String ADMIN_LOGIN_RULE = "账号须以字母开头，3 到 32 位字母、数字、“_”“.”“-”";

    private Accounts() {
    }

    /** The principal recorded for an account: the login for admins, an opaque id for individuals. */
    static String principal(AccountEntity a) {
        return a.getRole() == Role.INDIVIDUAL ? INDIVIDUAL_PREFIX + a.getId() : a.getLogin();
    }

    static Caller caller(AccountEntity a, String address) {
        Long person = a.getRole() == Role.INDIVIDUAL && a.isIdVerified() ? a.getPersonId() : null;
        return new Caller(principal(a), a.getRole(), a.getUnitId(), person, Set.of(), address);
    }

    /** The individual's account of a caller, or a refusal for anyone else. */
    static AccountEntity individual(EntityManager em, Caller caller) {
        if (!caller.principal().startsWith(INDIVIDUAL_PREFIX)) {
            throw TitleCertException.forbidden("FORBIDDEN", "仅个人用户可以使用");
        }
        AccountEntity a = em.find(AccountEntity.class, Long.parseLong(caller.principal()
                .substring(INDIVIDUAL_PREFIX.length())));
        if (a == null) {
            throw TitleCertException.notFound("ACCOUNT_NOT_FOUND", "账号不存在");
        }
        return a;
    }

    /** The account a caller signed in with: an individual's by its id, an admin's by its login. */
    static AccountEntity of(EntityManager em, Caller caller) {
        if (caller.principal().startsWith(INDIVIDUAL_PREFIX)) {
            return individual(em, caller);
        }
        return byLogin(em, caller.principal()).filter(a -> a.getRole() != Role.INDIVIDUAL)
                .orElseThrow(() -> TitleCertException.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
    }

    /** True for a system or unit admin's account. */
    static boolean isAdmin(AccountEntity a) {
        return a.getRole() == Role.SYSTEM_ADMIN || a.getRole() == Role.UNIT_ADMIN;
    }

    static Optional<AccountEntity> byLogin(EntityManager em, String login) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.login = :l", AccountEntity.class)
                .setParameter("l", login).getResultList().stream().findFirst();
    }

    static Optional<AccountEntity> byMobile(EntityManager em, String mobile) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.mobile = :m", AccountEntity.class)
                .setParameter("m", mobile).getResultList().stream().findFirst();
    }

    /** An individual's login: an ID number (upper-cased X) or an 11-digit mobile. */
    static Optional<AccountEntity> individualByLogin(EntityManager em, String login) {
        String l = login.strip().toUpperCase();
        Optional<AccountEntity> a = ResidentId.isValid(l) ? byLogin(em, l)
                : l.matches("1[3-9][0-9]{9}") ? byMobile(em, l) : Optional.empty();
        return a.filter(x -> x.getRole() == Role.INDIVIDUAL);
    }

    static boolean validMobile(String m) {
        return m != null && m.matches("1[3-9][0-9]{9}");
    }

    /** At least 8 characters with letters and digits, and not the ID number or mobile itself. */
    static Optional<String> passwordProblem(String password, String... personal) {
        if (password == null || password.length() < 8) {
            return Optional.of("密码至少 8 位");
        }
        if (password.length() > 128) {
            return Optional.of("密码不能超过 128 位");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("密码须同时包含字母和数字");
        }
        for (String p : personal) {
            if (p != null && password.equalsIgnoreCase(p)) {
                return Optional.of("密码不能与身份证号码或手机号码相同");
            }
        }
        return Optional.empty();
    }
}
