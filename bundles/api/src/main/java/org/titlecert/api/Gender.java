package org.titlecert.api;

/** Gender as printed on a certificate and encoded in the resident ID number. */
public enum Gender {
    MALE("男"), FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses 男/女 or MALE/FEMALE; {@code null} if neither. */
    public static Gender parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        for (Gender g : values()) {
            if (g.label.equals(t) || g.name().equalsIgnoreCase(t)) {
                return g;
            }
        }
        return null;
    }
}
