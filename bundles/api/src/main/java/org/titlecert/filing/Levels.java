package org.titlecert.filing;

import java.util.List;

/** The allowed title levels (职称级别). */
public final class Levels {

    public static final List<String> ALL = List.of("初级", "中级", "副高级", "正高级");

    private Levels() {
    }

    public static boolean isValid(String level) {
        return level != null && ALL.contains(level.trim());
    }
}
