package org.titlecert.filing;

/** An issuing authority (发证机关), whose seal a certificate carries. */
public record IssuingAuthority(long id, String code, String name) {

    public Ref ref() {
        return new Ref(id, code, name);
    }
}
