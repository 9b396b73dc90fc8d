package org.titlecert.filing;

/**
 * An issuing authority (发证机关), whose seal a certificate carries.
 *
 * @param creditCode its 统一社会信用代码 (发证机构代码 in a certificate's 电子证照 metadata), or null when not yet given
 */
public record IssuingAuthority(long id, String code, String name, String creditCode) {

    public IssuingAuthority(long id, String code, String name) {
        this(id, code, name, null);
    }

    public Ref ref() {
        return new Ref(id, code, name);
    }
}
