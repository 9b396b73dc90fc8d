package org.titlecert.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.Caller;
import org.titlecert.api.Role;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.identity.Contact;
import org.titlecert.identity.ContactDirectory;
import org.titlecert.jpa.Sql;
import org.titlecert.jpa.Transactions;

/** The mobile and e-mail of individuals' enabled accounts, by person, scoped to the caller. */
@Component(service = ContactDirectory.class)
public class JpaContactDirectory implements ContactDirectory {

    private static final int CHUNK = 500;

    private final Transactions jpa;
    private final PersonDirectory persons;

    @Activate
    public JpaContactDirectory(@Reference(target = JpaIdentityService.PERSISTENCE_UNIT) EntityManagerFactory emf,
                               @Reference PersonDirectory persons) {
        this.jpa = new Transactions(emf);
        this.persons = persons;
    }

    @Override
    public Map<Long, Contact> contacts(Caller caller, Collection<Long> personIds) {
        if (!caller.isAdmin()) {
            return Map.of();
        }
        List<Long> ids = personIds.stream().distinct()
                .filter(p -> caller.isSystem() || persons.unitMayRead(p, caller.unitId())).toList();
        Map<Long, Contact> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            jpa.run(em -> {
                // the accounts' keys by their person index first: Derby would read every account for the IN list
                List<Long> people = Sql.inList(chunk);
                List<Long> keys = Sql.rows(em, "SELECT ID FROM TC_ACCOUNT" + Sql.index("TC_ACCOUNT_PERSON")
                        + " WHERE PERSON_ID IN (" + Sql.marks(people.size()) + ")", people).stream()
                        .map(r -> ((Number) r[0]).longValue()).toList();
                List<AccountEntity> accounts = keys.isEmpty() ? List.of() : em.createQuery("SELECT a FROM "
                                + "AccountEntity a WHERE a.id IN :k AND a.role = :r AND a.enabled = true", AccountEntity.class)
                        .setParameter("k", Sql.inList(keys)).setParameter("r", Role.INDIVIDUAL).getResultList();
                Map<Long, ProfileEntity> profiles = new HashMap<>();
                if (!accounts.isEmpty()) {
                    em.createQuery("SELECT p FROM ProfileEntity p WHERE p.accountId IN :a", ProfileEntity.class)
                            .setParameter("a", Sql.inList(accounts.stream().map(AccountEntity::getId).toList())).getResultList()
                            .forEach(p -> profiles.put(p.getAccountId(), p));
                }
                for (AccountEntity a : accounts) {
                    ProfileEntity p = profiles.get(a.getId());
                    out.putIfAbsent(a.getPersonId(), new Contact(a.getPersonId(), p == null ? null : p.getRealName(),
                            a.getMobile() != null ? a.getMobile() : p == null ? null : p.getMobile(),
                            p == null ? null : p.getEmail()));
                }
            });
        }
        return out;
    }
}
