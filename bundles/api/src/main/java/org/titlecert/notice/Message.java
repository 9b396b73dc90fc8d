package org.titlecert.notice;

/**
 * What a channel delivers.
 *
 * @param reference the notice's unique key, the same on every channel (a channel may use it to drop a duplicate)
 * @param unitId    the organizing unit whose record the notice is about
 * @param link      an absolute address on the platform, or {@code null}
 */
public record Message(String reference, long personId, long unitId, NoticeKind kind, String title, String body,
                      String link) {
}
