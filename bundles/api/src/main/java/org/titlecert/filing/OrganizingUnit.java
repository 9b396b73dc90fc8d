package org.titlecert.filing;

/** An organizing unit (评委会组建单位): sets up committees and exports their certificates. */
public record OrganizingUnit(long id, String code, String name) {

    public Ref ref() {
        return new Ref(id, code, name);
    }
}
