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

    /**
     * Renames an issuing authority and sets its 统一社会信用代码. Certificates generated afterwards carry them;
     * those issued before keep what they were issued with.
     *
     * @param creditCode 18 characters with a valid check character, or null or blank to clear it
     * @throws org.titlecert.api.TitleCertException {@code AUTHORITY_NOT_FOUND}, {@code INVALID_CREDIT_CODE},
     *                                              {@code INVALID_NAME} or {@code FORBIDDEN} (system admins only)
     */
    IssuingAuthority updateIssuingAuthority(Caller caller, long id, String name, String creditCode);
}
