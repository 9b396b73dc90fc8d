package org.titlecert.filing.internal;

import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.ResidentId;
import org.titlecert.filing.PersonDirectory;
import org.titlecert.jpa.Transactions;

/** Persons in the registry's TC_PERSON table. */
@Component(service = PersonDirectory.class)
public class JpaPersonDirectory implements PersonDirectory {

    private final Transactions jpa;

    @Activate
    public JpaPersonDirectory(@Reference(target = JpaFilingService.PERSISTENCE_UNIT) EntityManagerFactory emf) {
        this.jpa = new Transactions(emf);
    }

    @Override
    public long personId(String idNumber) {
        String id = ResidentId.parse(idNumber).value();
        return find(id).orElseGet(() -> {
            try {
                return jpa.call(em -> {
                    PersonEntity p = new PersonEntity(id);
                    em.persist(p);
                    em.flush();
                    return p.getId();
                });
            } catch (PersistenceException raced) {
                return find(id).orElseThrow(() -> raced);
            }
        });
    }

    @Override
    public Optional<Long> find(String idNumber) {
        return jpa.call(em -> em.createQuery("SELECT p.id FROM PersonEntity p WHERE p.idNumber = :n", Long.class)
                .setParameter("n", idNumber).getResultList().stream().findFirst());
    }

    @Override
    public boolean inRosterOfUnit(long personId, long unitId) {
        return jpa.call(em -> !em.createQuery("SELECT r.id FROM RosterEntryEntity r, FilingEntity f "
                        + "WHERE r.filingId = f.id AND r.personId = :p AND f.unit.id = :u", Long.class)
                .setParameter("p", personId).setParameter("u", unitId).setMaxResults(1).getResultList().isEmpty());
    }
}
