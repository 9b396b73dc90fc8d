package org.titlecert.filing;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.titlecert.api.Caller;

/**
 * The organizing units, their committees and the issuing authorities.
 * Everyone may read them; only system admins change them.
 */
@ProviderType
public interface OrganizationService {

    List<OrganizingUnit> units();

    Optional<OrganizingUnit> unit(long id);

    Optional<OrganizingUnit> unitByCode(String code);

    List<Committee> committees();

    Optional<Committee> committee(long id);

    List<IssuingAuthority> issuingAuthorities();

    Optional<IssuingAuthority> issuingAuthority(long id);

    OrganizingUnit createUnit(Caller caller, String code, String name);

    Committee createCommittee(Caller caller, long unitId, String code, String name, String region);

    IssuingAuthority createIssuingAuthority(Caller caller, String code, String name);
}
