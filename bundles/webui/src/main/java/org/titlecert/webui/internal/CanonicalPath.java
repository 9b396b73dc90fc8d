package org.titlecert.webui.internal;

/**
 * Whether a request URI's path is spelt the one way the platform links to it. Access is decided on the
 * path the container routes by; refusing every other spelling as well leaves no second way to name a page.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /** False for {@code ;} parameters, {@code //}, {@code \}, dot segments, and percent-encoded ASCII. */
    static boolean is(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.contains(";") || rawPath.contains("//")
                || rawPath.contains("\\")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            int b = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1)) << 4 | hex(rawPath.charAt(i + 2)) : -1;
            // UTF-8 bytes of non-ASCII characters are the only thing a canonical path encodes (spaces aside)
            if (b < 0 || b < 0x80 && b != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        int d = Character.digit(c, 16);
        return d < 0 ? -0x1000 : d;
    }
}
