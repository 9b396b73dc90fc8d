package org.titlecert.filing;

/**
 * An evaluation committee (职称评审委员会), set up by one organizing unit.
 *
 * @param region the administrative region code it belongs to, e.g. {@code 34} for Anhui
 */
public record Committee(long id, String code, String name, long unitId, String region) {

    public Ref ref() {
        return new Ref(id, code, name);
    }
}
