package org.titlecert.filing.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titlecert.api.ResidentId;
import org.titlecert.filing.FilingStatus;
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
        return claims(personId).containsKey(unitId);
    }

    @Override
    public boolean unitMayRead(long personId, long unitId) {
        return claims(personId).get(unitId) == Boolean.TRUE;
    }

    @Override
    public boolean unitMayWrite(long personId, long unitId) {
        Map<Long, Boolean> claims = claims(personId);
        Set<Long> approved = new HashSet<>();
        claims.forEach((unit, isApproved) -> {
            if (isApproved) {
                approved.add(unit);
            }
        });
        return (approved.isEmpty() ? claims.keySet() : approved).equals(Set.of(unitId));
    }

    /** The units whose filings (rejected ones aside) hold the person, each with whether one of them is approved. */
    private Map<Long, Boolean> claims(long personId) {
        return jpa.call(em -> {
            Map<Long, Boolean> units = new HashMap<>();
            em.createQuery("SELECT DISTINCT f.unit.id, f.status FROM RosterEntryEntity r, FilingEntity f "
                            + "WHERE r.filingId = f.id AND r.personId = :p AND f.status <> :rejected", Object[].class)
                    .setParameter("p", personId).setParameter("rejected", FilingStatus.REJECTED).getResultList()
                    .forEach(row -> units.merge(((Number) row[0]).longValue(), row[1] == FilingStatus.APPROVED,
                            Boolean::logicalOr));
            return units;
        });
    }
}
